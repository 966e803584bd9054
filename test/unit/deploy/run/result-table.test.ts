import { describe, expect, it } from "vitest";
import { TestbenchError } from "../../../../common/errors.js";
import type { HostResult } from "../../../../deploy/run/host-result.js";
import { isFailure } from "../../../../deploy/run/host-result.js";
import { formatResultTable, summarize } from "../../../../deploy/run/result-table.js";

const row = (host: string, outcome: HostResult["outcome"], extra: Partial<HostResult> = {}): HostResult => ({
  host,
  outcome,
  release: undefined,
  previous: undefined,
  detail: "",
  lines: [],
  error: undefined,
  durationS: 1.23,
  ...extra,
});

describe("the result table", () => {
  it("aligns columns, shows error codes and optional lines, and sums up", () => {
    const results = [
      row("tg1", "installed", { release: "0.1.0-abc-20250101T000000000Z", detail: "nothing -> 0.1.0-abc", lines: ["verified"] }),
      row("tg-long-name", "failed", { detail: "Cannot reach tg-long-name", error: new TestbenchError("DEPLOY_UNREACHABLE", "x") }),
    ];
    expect(formatResultTable(results, true).split("\n")).toEqual([
      "HOST          RESULT     RELEASE                        TIME  DETAIL",
      "tg1           installed  0.1.0-abc-20250101T000000000Z  1.2s  nothing -> 0.1.0-abc",
      "    verified",
      "tg-long-name  failed     -                              1.2s  [DEPLOY_UNREACHABLE] Cannot reach tg-long-name",
    ]);
    expect(formatResultTable(results, false)).not.toContain("verified");
    expect(summarize(results)).toBe("2 hosts: 1 installed, 1 failed");
    expect(results.map(isFailure)).toEqual([false, true]);
    expect(isFailure(row("x", "rolled-back"))).toBe(true);
  });
});
