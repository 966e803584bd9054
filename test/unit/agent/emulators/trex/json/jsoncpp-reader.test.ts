import { describe, expect, test } from "vitest";
import { readJson } from "../../../../../../agent/emulators/trex/json/jsoncpp-reader.js";
import { member } from "../../../../../../agent/emulators/trex/json/json-node.js";

const read = (text: string) => readJson(Buffer.from(text));

describe("jsoncpp-like JSON reader", () => {
  test("integer kinds follow jsoncpp: int up to 2^31-1, uint above, double for fractions and exponents", () => {
    const node = read('{"a":5,"b":2147483648,"c":-7,"d":1.0,"e":1e3,"f":18446744073709551615}');
    const kinds = ["a", "b", "c", "d", "e", "f"].map((k) => node && member(node, k).kind);
    expect(kinds).toEqual(["int", "uint", "int", "double", "double", "uint"]);
    const f = node && member(node, "f");
    expect(f?.kind === "uint" && f.value).toBe(18446744073709551615n);
  });

  test("offsets are byte offsets of each value, multi-byte characters included", () => {
    const text = '{"s":"é","n": 42}';
    const node = read(text);
    expect(node && member(node, "n").offset).toBe(Buffer.from(text).indexOf("42"));
  });

  test("comments are skipped, text after the first value is ignored, broken JSON fails", () => {
    expect(read('/* c */ {"a": // x\n 1} trailing')?.kind).toBe("object");
    expect(read('{"a":1,}')).toBeUndefined();
    expect(read("")).toBeUndefined();
    expect(read('"\\ud83d\\ude00"')).toMatchObject({ kind: "string", value: "😀" });
  });
});
