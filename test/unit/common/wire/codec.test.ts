import { describe, expect, it } from "vitest";
import { decodeEnvelope, encodeEnvelope } from "../../../../common/wire/codec.js";
import type { WireEnvelope } from "../../../../common/wire/types.js";
import { goldenVectors, readHexFixture } from "../../../fixtures/wire/vectors.js";

describe("golden vectors (test/fixtures/wire/*.hex)", () => {
  for (const [name, envelope] of Object.entries(goldenVectors)) {
    it(`${name}: encodes to the fixture bytes`, () => {
      expect(Buffer.from(encodeEnvelope(envelope)).toString("hex")).toBe(Buffer.from(readHexFixture(name)).toString("hex"));
    });

    it(`${name}: decodes from the fixture bytes`, () => {
      expect(decodeEnvelope(readHexFixture(name))).toEqual(envelope);
    });
  }

  it("decodes a body this version does not know as no body, keeping the ids", () => {
    expect(decodeEnvelope(readHexFixture("unknown-body"))).toEqual({ id: 13, correlationId: 0, body: undefined });
  });
});

describe("decodeEnvelope on bad input", () => {
  it("rejects truncated bytes with WIRE_MALFORMED", () => {
    const bytes = readHexFixture("run-trial-request");
    expect(() => decodeEnvelope(bytes.subarray(0, bytes.length - 3))).toThrow(expect.objectContaining({ code: "WIRE_MALFORMED" }));
  });

  it("rejects a wrong wire type for a known field with WIRE_MALFORMED", () => {
    // field 8 (run_trial_request) sent as a varint instead of a message
    expect(() => decodeEnvelope(Uint8Array.from([0x08, 0x01, 0x40, 0x05]))).toThrow(expect.objectContaining({ code: "WIRE_MALFORMED" }));
  });

  it.each([
    ["the envelope id sent length-delimited", [0x0a, 0xff, 0x01], "id"],
    ["duration_s sent as a varint", [0x42, 0x02, 0x10, 0x01], "runTrialRequest.durationS"],
    ["a failure context entry with a varint value", [0x1a, 0x06, 0x22, 0x04, 0x0a, 0x00, 0x10, 0x01], "failure.context"],
  ])("rejects %s with WIRE_MALFORMED naming the field", (_name, bytes, field) => {
    expect(() => decodeEnvelope(Uint8Array.from(bytes))).toThrow(expect.objectContaining({ code: "WIRE_MALFORMED", context: { field } }));
  });

  it("accepts a repeated scalar sent unpacked, one element per tag", () => {
    // agent_hello { ports: 0, ports: 1 } unpacked (tag 0x40 twice)
    const decoded = decodeEnvelope(Uint8Array.from([0x08, 0x01, 0x22, 0x04, 0x40, 0x00, 0x40, 0x01]));
    expect(decoded.body).toMatchObject({ kind: "agentHello", value: { ports: [0, 1] } });
  });

  it("rejects a count above the safe integer range naming the field", () => {
    // Envelope{id = 2^60}
    const bytes = Uint8Array.from([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]);
    expect(() => decodeEnvelope(bytes)).toThrow(expect.objectContaining({ code: "WIRE_MALFORMED", context: { field: "id" } }));
  });
});

describe("encodeEnvelope", () => {
  it("omits default-valued scalars but keeps an empty message body", () => {
    const envelope: WireEnvelope = { id: 1, correlationId: 0, body: { kind: "streamStop", value: { streamId: "" } } };
    // 08 01: id = 1; 62 00: field 12 (stream_stop), empty message
    expect(Buffer.from(encodeEnvelope(envelope)).toString("hex")).toBe("08016200");
    expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
  });

  it("refuses a count that is not a non-negative safe integer", () => {
    const result = (goldenVectors["run-trial-result"] as WireEnvelope).body;
    if (result.kind !== "runTrialResult") throw new Error("fixture mismatch");
    const bad: WireEnvelope = {
      id: 2,
      correlationId: 1,
      body: { kind: "runTrialResult", value: { ...result.value, directions: [{ ...result.value.directions[0]!, txPackets: -1 }] } },
    };
    expect(() => encodeEnvelope(bad)).toThrow(/txPackets/);
  });

  it("round-trips 64-bit timestamps at the ends of the int64 range", () => {
    const envelope: WireEnvelope = {
      id: 3,
      correlationId: 2,
      body: { kind: "pong", value: { t1UnixNs: -(1n << 63n), t2UnixNs: (1n << 63n) - 1n, t3UnixNs: 1n } },
    };
    expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
  });
});
