/**
 * bench:lbsim — the load-balancing simulator's speed, measured in this run.
 *
 * 1. Simulated requests per second on one core (this thread) for Random and HCL on the notebook's
 *    campaign configuration (40 clients, 40 servers, subsets of 12, 170 ticks at 11.67 requests per
 *    server per tick: about 79,000 requests), against the notebook's ~3,600 and ~2,100 (issue 7: its
 *    Python needs about 22 s and 38 s for one such run on this kind of machine). Goal: 100x.
 * 2. The full notebook campaign (every entry x 6 replications) in this thread with the pure serial
 *    runner: the baseline, measured here.
 * 3. The same campaign on worker threads: wall time against the 2-minute goal, and the speed-up
 *    over the baseline. BENCH_LBSIM_ALL=1 also times the whole built-in campaign on workers.
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { runLbsimCampaignSerial } from "../controller/lbsim/campaign/run-serial.js";
import { compileSimConfig } from "../controller/lbsim/config/compile-config.js";
import type { PickerSpec } from "../controller/lbsim/config/config-types.js";
import { NOTEBOOK_REPLICATIONS, NOTEBOOK_RUN_SETTINGS } from "../controller/lbsim/config/defaults.js";
import { runCompiled } from "../controller/lbsim/run.js";
import { BUILTIN_SCENARIOS, NOTEBOOK_SCENARIO } from "../controller/lbsim/scenarios/builtin-campaign.js";
import type { LbsimScenario } from "../controller/lbsim/scenarios/scenario-types.js";
import { runLbsimCampaign } from "../controller/lbsim-workers/pool.js";

const NOTEBOOK_RATES = [
  { name: "Random", picker: { picker: "random" } as PickerSpec, notebookRequestsPerS: 3600 },
  { name: "HCL", picker: { picker: "hcl" } as PickerSpec, notebookRequestsPerS: 2100 },
];
const RATE_SEEDS = [1, 2, 3, 4, 5, 6];
const GOAL_RATIO = 100;
const GOAL_CAMPAIGN_S = 120;
const REPLICATIONS = Number(process.env["BENCH_LBSIM_REPLICATIONS"] ?? NOTEBOOK_REPLICATIONS);
const WORKERS = availableParallelism();

function singleCoreRate(picker: PickerSpec): { requestsPerS: number; requests: number; seconds: number } {
  const config = compileSimConfig({ ...NOTEBOOK_RUN_SETTINGS, picker });
  runCompiled(config, 0);
  let requests = 0;
  let seconds = 0;
  for (const seed of RATE_SEEDS) {
    const startMs = performance.now();
    requests += runCompiled(config, seed).requestCount;
    seconds += (performance.now() - startMs) / 1000;
  }
  return { requestsPerS: requests / seconds, requests: requests / RATE_SEEDS.length, seconds: seconds / RATE_SEEDS.length };
}

async function onWorkers(scenarios: readonly LbsimScenario[], replications: number): Promise<{ seconds: number; runs: number; failures: number }> {
  const startMs = performance.now();
  const result = await runLbsimCampaign({ scenarios, replications, workers: WORKERS });
  return { seconds: (performance.now() - startMs) / 1000, runs: result.runs.length, failures: result.failures.length };
}

const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(`lbsim on ${cpus()[0]?.model ?? "?"} x ${cpus().length} (load average ${loadavg()[0]?.toFixed(2)}), ${WORKERS} worker threads`);
  console.log(`\n1. One core, notebook campaign configuration, mean of ${RATE_SEEDS.length} seeds after a warm-up run`);
  console.log(`${"picker".padEnd(8)} ${"requests/run".padStart(12)} ${"s/run".padStart(7)} ${"req/s".padStart(11)} ${"notebook".padStart(9)} ${"ratio".padStart(7)}  goal ${GOAL_RATIO}x`);
  for (const entry of NOTEBOOK_RATES) {
    const rate = singleCoreRate(entry.picker);
    const ratio = rate.requestsPerS / entry.notebookRequestsPerS;
    console.log(
      `${entry.name.padEnd(8)} ${fmt(rate.requests).padStart(12)} ${rate.seconds.toFixed(3).padStart(7)} ${fmt(rate.requestsPerS).padStart(11)} ${fmt(entry.notebookRequestsPerS).padStart(9)} ${`${fmt(ratio)}x`.padStart(7)}  ${ratio >= GOAL_RATIO ? "met" : "MISSED"}`,
    );
  }

  const runs = NOTEBOOK_SCENARIO.algorithms.length * REPLICATIONS;
  console.log(`\n2. Baseline: the notebook campaign, ${NOTEBOOK_SCENARIO.algorithms.length} entries x ${REPLICATIONS} replications = ${runs} runs, in this thread`);
  const serialStartMs = performance.now();
  const serial = runLbsimCampaignSerial([NOTEBOOK_SCENARIO], REPLICATIONS);
  const serialS = (performance.now() - serialStartMs) / 1000;
  console.log(`wall ${serialS.toFixed(1)} s (${serial.runs.length} runs, ${serial.failures.length} failed)`);

  console.log(`\n3. The same campaign on ${WORKERS} worker threads`);
  const full = await onWorkers([NOTEBOOK_SCENARIO], REPLICATIONS);
  const notebookMinutes = [22, 38].map((seconds) => (runs * seconds) / WORKERS / 60);
  console.log(
    `wall ${full.seconds.toFixed(1)} s (${full.runs} runs, ${full.failures} failed), ${(serialS / full.seconds).toFixed(2)}x the baseline; ` +
      `goal < ${GOAL_CAMPAIGN_S} s: ${full.seconds < GOAL_CAMPAIGN_S ? "met" : "MISSED"}`,
  );
  console.log(`(the notebook at 22-38 s per run, ${WORKERS} runs at a time: about ${notebookMinutes.map((minutes) => fmt(minutes)).join("-")} min)`);

  if (process.env["BENCH_LBSIM_ALL"] === "1") {
    const all = await onWorkers(BUILTIN_SCENARIOS, REPLICATIONS);
    console.log(`\n4. Whole built-in campaign (${BUILTIN_SCENARIOS.length} scenarios x ${REPLICATIONS} replications, ${all.runs} runs): wall ${all.seconds.toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
