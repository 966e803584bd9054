import { describe, expect, it } from "vitest";
import { escapeXml } from "../../../../controller/report/escape.js";
import { formatDurationS, formatExactPps, formatPps, formatRatio, formatSi, formatTimeMs } from "../../../../controller/report/format.js";

describe("report formats", () => {
  it("prints loads with SI prefixes and their unit", () => {
    expect([9_950_000, 14_880_000, 194_407.2, 512, 0, 2.5e9].map((value) => formatSi(value))).toEqual(["9.95M", "14.88M", "194.407k", "512", "0", "2.5G"]);
    expect(formatSi(9_957_920.4, 4)).toBe("9.958M");
    expect(formatPps(9_957_920.4)).toBe("9.95792 Mpps");
    expect(formatPps(512)).toBe("512 pps");
    expect(formatPps(null)).toBe("-");
  });

  it("prints exact loads with grouped digits", () => {
    expect(formatExactPps(9_957_920.25)).toBe("9,957,920.25 pps");
    expect(formatExactPps(1000)).toBe("1,000 pps");
    expect(formatExactPps(-31_191.3)).toBe("-31,191.3 pps");
  });

  it("prints ratios plainly down to 0.001, then with an exponent", () => {
    expect([0, 1, 0.5, 0.005, 0.001, 2.5e-7, 1e-4, 0.33333].map(formatRatio)).toEqual(["0", "1", "0.5", "0.005", "0.001", "2.5e-7", "1e-4", "0.333"]);
  });

  it("prints times in UTC and durations in h/min/s", () => {
    expect(formatTimeMs(Date.UTC(2026, 0, 2, 9, 30, 5, 700))).toBe("2026-01-02 09:30:05 UTC");
    expect(formatTimeMs(null)).toBe("-");
    expect([0, 59.6, 61, 3725].map(formatDurationS)).toEqual(["0 s", "1 min 0 s", "1 min 1 s", "1 h 2 min 5 s"]);
  });

  it("escapes every character that means something in HTML and SVG", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
