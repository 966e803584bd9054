/**
 * A real store holding a campaign the way the orchestrator leaves one: throughput runs whose
 * trials come from a real MLRsearch over simulated devices (stored trial by trial through
 * createRunMeasurer), a sweep, a run failed by the search itself, an interrupted and a pending
 * run, and a soak run with per-trial estimates on the `plr:estimate` stream.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { VirtualClock } from "../../../../../common/clock.js";
import { createDevice, type DeviceSpec } from "../../../../../common/devices/index.js";
import { mlrConfigFromFlags, type MlrFlagValues } from "../../../../../controller/cli/search-flags.js";
import { runMlrOnVirtualTime } from "../../../../../controller/cli/search-mlr.js";
import { createSimulatedMeasurer } from "../../../../../controller/measurers/simulated.js";
import { makeTrialResult } from "../../../../../controller/search/measurer.js";
import { createRunMeasurer, mlrResultInputs, openStore, type NewRun, type Store } from "../../../../../controller/store/index.js";

export const CAMPAIGN_NAME = "report <demo> & \"quotes\"";

interface ThroughputPlan {
  readonly key: string;
  readonly replications: number;
  readonly device: DeviceSpec;
  readonly search: MlrFlagValues;
  readonly sweepPoint?: { readonly parameter: string; readonly value: number };
}

const PLANS: readonly ThroughputPlan[] = [
  { key: "hard-10M", replications: 3, device: { kind: "hard", mrrPps: 1e7 }, search: { warmup: 1 } },
  { key: "stretch[device.mrrPps=5000000]", replications: 2, device: { kind: "stretch", mrrPps: 5e6 }, search: {}, sweepPoint: { parameter: "device.mrrPps", value: 5e6 } },
  { key: "stretch[device.mrrPps=10000000]", replications: 2, device: { kind: "stretch", mrrPps: 1e7 }, search: {}, sweepPoint: { parameter: "device.mrrPps", value: 1e7 } },
  { key: "erf-200k", replications: 1, device: { kind: "erf", mrrPps: 2e5 }, search: {} },
  // min load 9001 pps is above this device's MRR: the search fails fast with SEARCH_NO_LOWER_BOUND.
  { key: "hard-5k <weak>", replications: 1, device: { kind: "hard", mrrPps: 5000 }, search: {} },
];

function plannedRuns(): NewRun[] {
  const runs: NewRun[] = PLANS.flatMap((plan, planIndex) =>
    Array.from({ length: plan.replications }, (_, index) => ({
      experimentKey: plan.key,
      replication: index + 1,
      seed: 100 * planIndex + index + 1,
      kind: "throughput" as const,
      // The orchestrator's run parameters (controller/orchestrator/plan.ts).
      parameters: { testbed: "simulated", algorithm: "mlr", preset: "csit-ndrpdr", options: { ...plan.search }, device: { ...plan.device }, sweep: plan.sweepPoint ?? null },
    })),
  );
  const plain = { testbed: "simulated", algorithm: "mlr", preset: "csit-ndrpdr", options: {}, device: "hard:mrr=1e7", sweep: null };
  runs.push({ experimentKey: "soak-10M", replication: 1, seed: 901, kind: "soak", parameters: { testbed: "simulated", device: "stretch:mrr=1e7" } });
  runs.push({ experimentKey: "hard-10M", replication: 4, seed: 4, kind: "throughput", parameters: plain });
  runs.push({ experimentKey: "hard-10M", replication: 5, seed: 5, kind: "throughput", parameters: plain });
  return runs;
}

async function runThroughput(store: Store, runId: number, plan: ThroughputPlan, seed: number, clock: VirtualClock): Promise<void> {
  store.markRunStarted(runId, { testbed: "simulated" });
  const live = createSimulatedMeasurer({ device: createDevice({ ...plan.device, seed }) });
  const warmupS = plan.search.warmup ?? 0;
  const measurer = createRunMeasurer(store, runId, live, { clock, isWarmup: (index) => warmupS > 0 && index === 1 });
  const outcome = await runMlrOnVirtualTime(mlrConfigFromFlags({ ...plan.search, durationSum: 6, width: 0.01 }), measurer, {});
  if (outcome.error === null) store.markRunSucceeded(runId, mlrResultInputs(outcome.goals));
  else store.markRunFailed(runId, { code: outcome.error.code, message: outcome.error.message }, mlrResultInputs(outcome.goals));
}

/** A soak search's shape without PLRsearch itself: loads converging on 9.9 Mpps, estimates narrowing. */
function runSoak(store: Store, runId: number): void {
  store.markRunStarted(runId, { testbed: "simulated" });
  const device = createDevice({ kind: "stretch", mrrPps: 1e7, seed: 7 });
  const estimates = [];
  for (let index = 1; index <= 24; index += 1) {
    const loadPps = 9.9e6 + 4e5 * Math.cos(index) / index;
    const counts = device.trial(loadPps, 1);
    store.insertTrial(runId, { index, warmup: false, result: makeTrialResult({ durationS: 1, loadPps, ...counts }) });
    estimates.push({ stream: "plr:estimate", atNs: BigInt(index) * 1_000_000_000n, values: { trialNumber: index, avgPps: 9.9e6 + 2e5 / index, stdevPps: 8e5 / index } });
  }
  store.insertSamples(runId, estimates);
  store.markRunSucceeded(runId, [{ kind: "soak", goalName: "PLR 1e-7", lossRatio: 1e-7, averagePps: 9.9e6 + 2e5 / 24, stdevPps: 8e5 / 24 }]);
}

export interface DemoStore {
  readonly file: string;
  readonly folder: string;
}

/** Build the demo campaign in a new store file under a fresh temp folder; the store is closed again. */
export async function buildDemoStore(): Promise<DemoStore> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "testbench-report-"));
  const file = path.join(folder, "lab.sqlite");
  const clock = new VirtualClock(0, Date.UTC(2026, 0, 2, 9, 30));
  const store = openStore(file, { clock, owner: "report test" });
  try {
    const campaign = store.createCampaign({ name: CAMPAIGN_NAME, sourcePath: "/labs/report-demo.yaml", fileHash: "sha256:00" }, plannedRuns());
    const runs = store.runsOf(campaign.id);
    for (const run of runs) {
      const plan = PLANS.find((candidate) => candidate.key === run.experimentKey && run.replication <= candidate.replications);
      if (plan !== undefined) await runThroughput(store, run.id, plan, run.seed, clock);
      else if (run.kind === "soak") runSoak(store, run.id);
      else if (run.replication === 4) {
        store.markRunStarted(run.id, { testbed: "simulated" });
        store.insertTrial(run.id, { index: 1, warmup: false, result: makeTrialResult({ durationS: 1, loadPps: 1.488e7, offeredCount: 14_880_000, lostCount: 4_880_000 }) });
        store.markRunInterrupted(run.id);
      }
      clock.advance(30);
    }
    store.markCampaignInterrupted(campaign.id);
  } finally {
    store.close();
  }
  return { file, folder };
}
