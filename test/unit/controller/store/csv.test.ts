import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "../../../../controller/store/csv.js";

describe("csv (RFC 4180)", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
  ])("quotes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("writes numbers in their shortest exact form, booleans as words and null as an empty field", () => {
    expect(csvRecord([9_007_199_254_740_991, 0.1 + 0.2, -0, 1e21, true, false, null, "x"])).toBe("9007199254740991,0.30000000000000004,0,1e+21,true,false,,x\r\n");
  });
});
