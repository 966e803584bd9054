import { describe, expect, it } from "vitest";
import { readJsonObjects } from "../../../../../controller/analysis/failover/json-objects.js";
import { iperfFixture } from "./support/fixtures.js";

describe("readJsonObjects (lenient iperf3 -J reading)", () => {
  it("drops the stray warning line before the JSON and says so (the notebook's lenient_read_json)", () => {
    const { objects, warnings } = readJsonObjects(iperfFixture("udp_client_malformed_warning_prefix.json"), "client_4.json");
    expect(objects).toHaveLength(1);
    expect(Object.keys(objects[0] ?? {})).toContain("intervals");
    expect(warnings).toEqual(['client_4.json: dropped 1 line(s) before the JSON: "warning: UDP block size 2000 exceeds TCP MSS 1448, may result in fragmentation / drops"']);
  });

  it("returns every object of a persistent server's concatenated output", () => {
    const text = '{"start": {}, "intervals": [], "end": {}}\n{"error": "interrupt - the server has terminated"}\n';
    const { objects } = readJsonObjects(text, "server.json");
    expect(objects.map((object) => object["error"] ?? null)).toEqual([null, "interrupt - the server has terminated"]);
  });

  it("reads a bare nan as null, and braces inside strings do not confuse it", () => {
    const { objects, warnings } = readJsonObjects('{"lost_percent": nan, "title": "a } b {", "x": -nan}', "old.json");
    expect(objects[0]).toEqual({ lost_percent: null, title: "a } b {", x: null });
    expect(warnings).toEqual(["old.json:1: read 2 bare nan/inf value(s) as null"]);
  });

  it("names file and line for garbage, a truncated file and text after the object", () => {
    expect(() => readJsonObjects("iperf3: error - unable to connect\n", "c.json")).toThrow(/^c\.json:1: no JSON object in the file \(expected iperf3 -J output\): "iperf3: error - unable to connect"$/);
    expect(() => readJsonObjects('{\n  "start": {\n', "t.json")).toThrow("t.json:3: the JSON ends before its object closes (truncated file?)");
    expect(() => readJsonObjects('{"a": 1}\nDone.\n', "d.json")).toThrow('d.json:2: unexpected text after a JSON object: "Done."');
    expect(() => readJsonObjects('{\n "a": 1,\n "b": oops\n}', "b.json")).toThrow(/^b\.json:3: not valid JSON/);
  });

  it("carries the FAILOVER_INPUT_INVALID code with the file and line as context", () => {
    try {
      readJsonObjects("garbage", "g.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "FAILOVER_INPUT_INVALID", userError: true, context: { file: "g.json", line: 1 } });
    }
  });
});
