/**
 * The packet template of one direction: Ethernet / IPv4 / UDP, zero payload, sized so that the
 * frame on the wire (template + 4-byte FCS, which the NIC adds) is `frameSizeBytes`. Port p sends
 * from 16.0.0.(p+1) to 48.0.0.(peer+1), CSIT's usual address plan.
 */

export const minFrameSizeBytes = 64;
/** TRex accepts templates up to 9*1024+22 bytes; the frame adds the FCS. */
export const maxFrameSizeBytes = 9 * 1024 + 22 + 4;

const ethernetBytes = 14;
const ipv4Bytes = 20;
const udpBytes = 8;

function ipv4Checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function macBytes(port: number): number[] {
  return [0x02, 0x00, 0x00, 0x00, 0x00, (port + 1) & 0xff];
}

/** The template bytes (FCS excluded) for traffic from `txPort` to `rxPort`. */
export function udpTemplate(frameSizeBytes: number, txPort: number, rxPort: number): Buffer {
  if (!Number.isInteger(frameSizeBytes) || frameSizeBytes < minFrameSizeBytes || frameSizeBytes > maxFrameSizeBytes) {
    throw new RangeError(`frame size must be an integer from ${minFrameSizeBytes} to ${maxFrameSizeBytes} bytes, got ${frameSizeBytes}`);
  }
  const packet = Buffer.alloc(frameSizeBytes - 4);
  Buffer.from([...macBytes(rxPort), ...macBytes(txPort)]).copy(packet, 0);
  packet.writeUInt16BE(0x0800, 12);
  const ip = packet.subarray(ethernetBytes, ethernetBytes + ipv4Bytes);
  const ipTotalBytes = packet.length - ethernetBytes;
  ip.writeUInt8(0x45, 0);
  ip.writeUInt16BE(ipTotalBytes, 2);
  ip.writeUInt8(64, 8);
  ip.writeUInt8(17, 9);
  Buffer.from([16, 0, 0, (txPort + 1) & 0xff]).copy(ip, 12);
  Buffer.from([48, 0, 0, (rxPort + 1) & 0xff]).copy(ip, 16);
  ip.writeUInt16BE(ipv4Checksum(ip), 10);
  const udp = packet.subarray(ethernetBytes + ipv4Bytes, ethernetBytes + ipv4Bytes + udpBytes);
  udp.writeUInt16BE(1024, 0);
  udp.writeUInt16BE(1024, 2);
  udp.writeUInt16BE(ipTotalBytes - ipv4Bytes, 4);
  return packet;
}
