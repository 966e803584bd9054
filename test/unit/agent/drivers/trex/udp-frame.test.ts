import { describe, expect, test } from "vitest";
import { udpTemplate } from "../../../../../agent/drivers/trex/udp-frame.js";

function ipv4ChecksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum === 0xffff;
}

describe("UDP packet template", () => {
  test("a 64-byte frame is a 60-byte template: Ethernet, IPv4 with a valid checksum, UDP", () => {
    const packet = udpTemplate(64, 0, 1);
    expect(packet.length).toBe(60);
    expect(packet.readUInt16BE(12)).toBe(0x0800);
    expect(packet.readUInt16BE(16)).toBe(46);
    expect([...packet.subarray(26, 34)]).toEqual([16, 0, 0, 1, 48, 0, 0, 2]);
    expect(ipv4ChecksumOk(packet.subarray(14, 34))).toBe(true);
    expect(packet.readUInt16BE(38)).toBe(26);
  });

  test("the reverse direction swaps addresses; sizes outside 64..9242 are refused", () => {
    expect([...udpTemplate(1518, 1, 0).subarray(26, 34)]).toEqual([16, 0, 0, 2, 48, 0, 0, 1]);
    expect(udpTemplate(1518, 1, 0).length).toBe(1514);
    expect(() => udpTemplate(63, 0, 1)).toThrow(RangeError);
    expect(() => udpTemplate(9243, 0, 1)).toThrow(RangeError);
  });
});
