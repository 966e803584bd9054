import { describe, expect, test } from "vitest";
import { zip, unzip } from "../../../../../agent/drivers/trex/zip-framing.js";
import { createHarness } from "./emulator-harness.js";

/** The envelope and the handshake, against the request/response examples of trex-rpc-facts.md. */

describe("TRex emulator JSON-RPC envelope", () => {
  test("api_sync_v2 with STL 5.1 returns an 8-character api_h that later calls must carry", () => {
    const h = createHarness();
    const reply = h.rpc({ jsonrpc: "2.0", id: "k3j9x0aa", method: "api_sync_v2", params: { name: "STL", major: 5, minor: 1 } });
    expect(reply).toEqual({ jsonrpc: "2.0", id: "k3j9x0aa", result: { api_h: h.trex.apiHandler } });
    expect(reply.result.api_h).toMatch(/^[A-Za-z0-9]{8}$/);
  });

  test("version mismatches use TRex's texts", () => {
    const h = createHarness();
    const newer = h.call("api_sync_v2", { name: "STL", major: 5, minor: 2 }, false);
    expect(newer.error).toEqual({
      code: -32000,
      message: "Failed To Execute Method",
      specific_err: "Version mismatch: your client version is too new to be supported by the server\n(API type 'STL': - server: '5.1', client: '5.2')",
    });
    const older = h.call("api_sync_v2", { name: "STL", major: 4, minor: 9 }, false);
    expect(older.error.specific_err).toMatch(/^RPC version mismatch: a newer client version is required\n/);
    const astf = h.call("api_sync_v2", { name: "ASTF", major: 2, minor: 3 }, false);
    expect(astf.error.specific_err).toBe("RPC configuration mismatch - server RPC configuration: 'STL', client RPC configuration: 'ASTF'");
  });

  test("ping needs no api_h and returns the server clock", () => {
    const h = createHarness();
    expect(h.rpc({ jsonrpc: "2.0", id: "p1", method: "ping", params: {} })).toEqual({ jsonrpc: "2.0", id: "p1", result: { ts: 1000 } });
  });

  test("params must be an object, even for ping; the text keeps TRex's trailing space", () => {
    const h = createHarness();
    const reply = h.rpc({ jsonrpc: "2.0", id: 1, method: "ping", params: null });
    expect(reply.error).toEqual({ code: -32000, message: "Failed To Execute Method", specific_err: "JSON-RPC2 params should be object in TRex case " });
  });

  test("a missing api_h is a -32602 naming the field; a wrong one is a -32000", () => {
    const h = createHarness();
    expect(h.call("get_port_stats", { port_id: 0 }, false).error).toEqual({
      code: -32602,
      message: "Bad parameters for method",
      specific_err: "field 'api_h' value is null",
    });
    expect(h.rpc({ jsonrpc: "2.0", id: 2, method: "get_global_stats" }).error.specific_err).toBe("field 'api_h' is missing");
    expect(h.call("get_global_stats", { api_h: "XXXXXXXX" }, false).error).toEqual({
      code: -32000,
      message: "Failed To Execute Method",
      specific_err: "API verification failed - API handler provided mismatch for class: 'STL'",
    });
  });

  test("envelope errors: bad JSON, missing id, wrong version, missing method, unknown method", () => {
    const h = createHarness();
    expect(JSON.parse(h.raw("{not json").toString())).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Bad JSON Format" } });
    expect(h.rpc({ jsonrpc: "2.0", method: "ping", params: {} })).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Missing 'id' field" } });
    expect(h.rpc({ jsonrpc: "1.0", id: 3, method: "ping", params: {} }).error).toEqual({ code: -32600, message: "Invalid JSONRPC Version" });
    expect(h.rpc({ jsonrpc: "2.0", id: 4, params: {} }).error).toEqual({ code: -32600, message: "Missing Method Name" });
    expect(h.rpc({ jsonrpc: "2.0", id: 5, method: "clear_stats", params: {} })).toEqual({
      jsonrpc: "2.0",
      id: 5,
      error: { code: -32601, message: "Method clear_stats not registered" },
    });
    expect(h.rpc({ jsonrpc: "2.0", id: 6, method: { x: 1 }, params: {} }).error.message).toBe("Error in JSON request: Type is not convertible to string");
  });

  test("batches: in order, a one-element batch answers with a bare object, an empty one with null", () => {
    const h = createHarness();
    const ping = (id: number) => ({ jsonrpc: "2.0", id, method: "ping", params: {} });
    const two = h.rpc([ping(1), { jsonrpc: "2.0", id: 2, method: "nope", params: {} }]);
    expect(two.map((r: { id: number }) => r.id)).toEqual([1, 2]);
    expect(two[1].error.code).toBe(-32601);
    expect(h.rpc([ping(7)])).toEqual({ jsonrpc: "2.0", id: 7, result: { ts: 1000 } });
    expect(h.raw("[]").toString()).toBe("null\n");
  });

  test("replies are compact jsoncpp output: sorted members and a trailing newline", () => {
    const h = createHarness();
    expect(h.raw('{"method":"ping","params":{},"id":"p1","jsonrpc":"2.0"}').toString()).toBe('{"id":"p1","jsonrpc":"2.0","result":{"ts":1000}}\n');
  });

  test("a zlib-framed request gets a framed reply; a plain one a plain reply", () => {
    const h = createHarness();
    const request = zip(JSON.stringify({ jsonrpc: "2.0", id: "z", method: "ping", params: {} }));
    expect([...request.subarray(0, 4)]).toEqual([0xab, 0xe8, 0x5c, 0xea]);
    const reply = h.raw(request);
    const plain = unzip(reply);
    expect(plain?.toString()).toBe('{"id":"z","jsonrpc":"2.0","result":{"ts":1000}}\n');
    expect(reply.readUInt32BE(4)).toBe(plain?.length);
  });

  test("a framed request that does not inflate is read as plain JSON (and fails as such)", () => {
    const h = createHarness();
    const broken = Buffer.concat([Buffer.from([0xab, 0xe8, 0x5c, 0xea, 0, 0, 0, 10]), Buffer.from("garbage")]);
    expect(JSON.parse(h.raw(broken).toString()).error).toEqual({ code: -32700, message: "Bad JSON Format" });
  });

  test("requests over 999,999 bytes are refused before and after inflating", () => {
    const h = createHarness();
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(1_000_000) } });
    const bytes = Buffer.byteLength(big);
    expect(JSON.parse(h.raw(big).toString())).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32603, message: `Request is too large (${bytes} bytes). Consider splitting to smaller chunks.` },
    });
    const zipped = zip(big);
    expect(zipped.length).toBeLessThan(999_999);
    expect(JSON.parse(unzip(h.raw(zipped))?.toString() ?? "").error.message).toContain(`(${bytes} bytes)`);
  });
});
