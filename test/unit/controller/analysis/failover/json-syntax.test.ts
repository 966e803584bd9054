import { describe, expect, it } from "vitest";
import { firstSyntaxErrorOffset } from "../../../../../controller/analysis/failover/json-syntax.js";

describe("firstSyntaxErrorOffset", () => {
  it("accepts valid JSON of every kind", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9"], "b": {}}', "[]", " 0 ", '"s"']) expect(firstSyntaxErrorOffset(text)).toBeNull();
  });

  it("points at the first offending character", () => {
    expect(firstSyntaxErrorOffset('{"a": oops}')).toBe(6);
    expect(firstSyntaxErrorOffset('{"a": 1,}')).toBe(8);
    expect(firstSyntaxErrorOffset('{"a" 1}')).toBe(5);
    expect(firstSyntaxErrorOffset("[1 2]")).toBe(3);
    expect(firstSyntaxErrorOffset("{} x")).toBe(3);
    expect(firstSyntaxErrorOffset('{"a": 01}')).toBe(7);
    expect(firstSyntaxErrorOffset('{"a": [1, 2')).toBe(11);
    expect(firstSyntaxErrorOffset('{"a": "x\\q"}')).toBe(6);
    expect(firstSyntaxErrorOffset('{"a": "x\ny"}')).toBe(6);
    expect(firstSyntaxErrorOffset('{"a": "\\u12G4"}')).toBe(6);
  });
});
