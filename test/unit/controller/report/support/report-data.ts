/** Hand-built report data for unit tests of the pure parts. */
import type { CampaignReportData, ReportGoal, ReportRun, ReportTrial } from "../../../../../controller/report/index.js";

export function trial(index: number, loadPps: number, lossRatio: number, warmup = false): ReportTrial {
  return { index, warmup, durationS: 1, loadPps, lossRatio };
}

export function goal(name: string, lossRatio: number, lowPps: number | null, highPps: number | null, conditionalThroughputPps: number | null = lowPps): ReportGoal {
  return { name, lossRatio, conditionalThroughputPps, relevantLowerBoundPps: lowPps, relevantUpperBoundPps: highPps, regular: lowPps !== null && highPps !== null };
}

export function run(id: number, fields: Partial<ReportRun> = {}): ReportRun {
  return {
    id,
    experimentKey: "hard-10M",
    experimentName: "hard-10M",
    sweep: null,
    replication: 0,
    seed: 1,
    kind: "throughput",
    status: "succeeded",
    testbed: "bench-a",
    attempts: 1,
    errorCode: null,
    errorMessage: null,
    startedAtMs: Date.UTC(2026, 0, 1, 8),
    endedAtMs: Date.UTC(2026, 0, 1, 8, 5),
    trials: [trial(1, 1.488e7, 0.33, true), trial(2, 1.488e7, 0.32), trial(3, 9.9e6, 0), trial(4, 1.0e7, 0.004)],
    goals: [goal("NDR", 0, 9.9e6, 1.0e7), goal("PDR", 0.005, 1.0e7, 1.01e7, 9.96e6)],
    soaks: [],
    soakEstimates: [],
    ...fields,
  };
}

export function campaignData(runs: readonly ReportRun[], name = "nightly"): CampaignReportData {
  return {
    campaign: {
      id: 3,
      name,
      sourcePath: "/labs/nightly.yaml",
      storeFile: "/labs/results/lab.sqlite",
      status: "completed",
      createdAtMs: Date.UTC(2026, 0, 1, 8),
      updatedAtMs: Date.UTC(2026, 0, 1, 9, 2, 5),
    },
    runs,
    generatedAtMs: null,
  };
}

/** How many elements of the SVG are data points (class="point"). */
export function pointCount(svg: string): number {
  return svg.match(/class="point"/g)?.length ?? 0;
}
