/**
 * bench:plr — PLRsearch's integrator speed and the search's accuracy, measured in this run.
 *
 * Speed: samples per second per worker of the worker-thread pool (both fitting functions at
 * once, one thread each) on realistic jobs (the trials of a simulated soak, a warmed-up focus),
 * against (a) the Python original's 2,900 per worker (its best case; the facts' per-sample model
 * at the same trial count is printed too), and two baselines run here in the main thread: the
 * same integrator loop, and that loop with CSIT's plain bisection for the critical load. Each
 * rate is the best of REPEATS windows, as other processes on the machine add noise.
 * Accuracy: 30 trials on simulated devices (virtual time; a fixed sample count per trial, so
 * workers get a fixed real budget), |avg - true critical load| / true and whether the truth lies
 * within avg +- 2 stdev. The truth is where the device's mean loss ratio equals the target.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { VirtualClock } from "../common/clock.js";
import { erfc } from "../common/devices/erfcx.js";
import { createDevice, lfitErf, lfitStretch, parseDeviceSpec } from "../common/devices/index.js";
import type { ResolvedDeviceSpec } from "../common/devices/index.js";
import { createSimulatedMeasurer } from "../controller/measurers/simulated.js";
import { createWorkerPoolIntegrator, type WorkerPoolIntegrator } from "../controller/plr-workers/pool.js";
import { findCriticalLoadByBisection } from "../controller/search/plr/critical-load-bisection.js";
import { createDeterministicIntegrator } from "../controller/search/plr/deterministic-integrator.js";
import type { FittingName } from "../controller/search/plr/fitting.js";
import { FITTING_NAMES } from "../controller/search/plr/fitting.js";
import { runIntegration } from "../controller/search/plr/integration.js";
import type { IntegrationEstimate, IntegrationJob } from "../controller/search/plr/integrator.js";
import { runPlrSearch } from "../controller/search/plr/search.js";
import { buildTrialTable } from "../controller/search/plr/trial-table.js";

const TARGET = 1e-7;
const MAX_LOAD_PPS = 1.488e7;
const PYTHON_PER_WORKER = 2900;
const WINDOW_S = Number(process.env["BENCH_PLR_WINDOW_S"] ?? 0.6);
const REPEATS = 3;
const ACCURACY_SAMPLES = Number(process.env["BENCH_PLR_SAMPLES"] ?? 3000);
const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** The facts' model of the Python integrator at n trials: per-sample microseconds, stretch and erf. */
const pythonRate = (fitting: FittingName, n: number) => 1e6 / (fitting === "stretch" ? 100 + 1.8 * n + 55 : 170 + 3 * n + 55);

/** The measured trials of a 146-trial soak on a stretch device (a short deterministic search). */
async function soakTrials() {
  const clock = new VirtualClock();
  const measurer = createSimulatedMeasurer({ device: createDevice(parseDeviceSpec("stretch:mrr=1e7,spread=1e5,seed=9")), clock });
  const result = await runPlrSearch({ measurer, clock, integrator: createDeterministicIntegrator(), options: { maxLoadPps: MAX_LOAD_PPS, maxTrials: 147, samplesPerTrial: 200 } });
  return result.trials.map((record) => record.result);
}

function jobFor(fitting: FittingName, trials: ReturnType<typeof buildTrialTable>, focus: IntegrationJob["focus"]): IntegrationJob {
  return { fitting, trials, minLoadPps: 9001, maxLoadPps: MAX_LOAD_PPS, lossRatioTarget: TARGET, focus, seed: 0, scaleCoefficient: 5, minSamples: 1, maxSamples: Infinity };
}

async function poolWindow(pool: WorkerPoolIntegrator, jobs: readonly IntegrationJob[], seconds: number): Promise<IntegrationEstimate[]> {
  const handles = jobs.map((job) => pool.start(job));
  await sleep(seconds);
  return Promise.all(handles.map((handle) => handle.stop()));
}

/** Best per-worker rate of each job over REPEATS windows, every window continuing the last focus. */
async function poolRates(pool: WorkerPoolIntegrator, firstJobs: readonly IntegrationJob[]): Promise<number[]> {
  let jobs = firstJobs;
  const best = jobs.map(() => 0);
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const estimates = await poolWindow(pool, jobs, WINDOW_S);
    estimates.forEach((estimate, index) => (best[index] = Math.max(best[index] ?? 0, estimate.samples / (estimate.busyS ?? NaN))));
    jobs = jobs.map((job, index) => ({ ...job, focus: estimates[index]?.focus ?? job.focus }));
  }
  return best;
}

function inThreadRate(job: IntegrationJob, bisection: boolean): number {
  let best = 0;
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const startMs = performance.now();
    const deadlineMs = startMs + WINDOW_S * 1000;
    const estimate = runIntegration(job, { shouldStop: () => performance.now() >= deadlineMs }, bisection ? findCriticalLoadByBisection : undefined);
    best = Math.max(best, estimate.samples / ((performance.now() - startMs) / 1000));
  }
  return best;
}

const k = (value: number) => `${(value / 1000).toFixed(1)}k`.padStart(7);
const times = (value: number) => `${value.toFixed(1)}x`.padStart(7);

async function speed(pool: WorkerPoolIntegrator): Promise<void> {
  const results = await soakTrials();
  console.log(`Integrator samples/s per worker (best of ${REPEATS} x ${WINDOW_S} s; both workers busy at once; load average ${loadavg()[0]?.toFixed(2)} on ${cpus().length} CPUs)`);
  console.log("trials  fitting   pool/worker  in-thread  bisection   vs 2,900  vs Python(n)  vs bisection");
  for (const n of [10, 30, 146]) {
    const table = buildTrialTable(results.slice(0, n));
    const warm = await poolWindow(pool, FITTING_NAMES.map((fitting) => jobFor(fitting, table, null)), 0.3);
    const jobs = FITTING_NAMES.map((fitting, index) => jobFor(fitting, table, warm[index]?.focus ?? null));
    const poolRate = await poolRates(pool, jobs);
    jobs.forEach((job, index) => {
      const rate = poolRate[index] ?? NaN;
      const bisectionRate = inThreadRate(job, true);
      console.log(
        `${String(n).padStart(6)}  ${job.fitting.padEnd(8)}  ${k(rate)}      ${k(inThreadRate(job, false))}    ${k(bisectionRate)}   ${times(rate / PYTHON_PER_WORKER)}  ` +
          `${times(rate / pythonRate(job.fitting, n))}       ${times(rate / bisectionRate)}`,
      );
    });
  }
}

/** Mean loss ratio of a hard device with capacity mrr * (1 + noise * Z): E[(L - capacity)+] / L (integer rounding averages out). */
function hardLossRatio(loadPps: number, mrrPps: number, noise: number): number {
  if (noise === 0) return Math.max(0, loadPps - mrrPps) / loadPps;
  const u = (loadPps - mrrPps) / (mrrPps * noise);
  const cdf = erfc(-u / Math.SQRT2) / 2;
  const density = Math.exp((-u * u) / 2) / Math.sqrt(2 * Math.PI);
  return ((loadPps - mrrPps) * cdf + mrrPps * noise * density) / loadPps;
}

/** Where the device's mean loss ratio equals the target (bisection on an increasing function). */
function trueCriticalLoadPps(spec: ResolvedDeviceSpec): number {
  if (spec.kind === "stretch" || spec.kind === "erf") {
    const lfit = spec.kind === "stretch" ? lfitStretch : lfitErf;
    return findCriticalLoadByBisection(lfit, 1, 100 * spec.mrrPps, TARGET, spec.mrrPps, spec.spreadPps ?? NaN);
  }
  let lowPps = 1;
  let highPps = 2 * spec.mrrPps;
  for (let step = 0; step < 200 && highPps - lowPps > 1e-9 * highPps; step += 1) {
    const midPps = (lowPps + highPps) / 2;
    if (hardLossRatio(midPps, spec.mrrPps, spec.noise ?? 0) < TARGET) lowPps = midPps;
    else highPps = midPps;
  }
  return (lowPps + highPps) / 2;
}

const DEVICES = [
  "stretch:mrr=1e7,spread=1e5,seed=1",
  "stretch:mrr=1e7,spread=5e5,seed=2",
  "stretch:mrr=2e6,spread=1e4,seed=3",
  "erf:mrr=1e7,spread=1e5,seed=1",
  "erf:mrr=5e6,spread=5e5,seed=2",
  "erf:mrr=2e6,spread=2e4,seed=3",
  "hard:mrr=1e7,noise=0.001,seed=1",
  "hard:mrr=5e6,noise=0.01,seed=2",
  "hard:mrr=2e6,noise=0,seed=3",
];

async function accuracy(pool: WorkerPoolIntegrator): Promise<void> {
  console.log(`\nAccuracy after 30 trials (target ${TARGET}, ${ACCURACY_SAMPLES} samples per worker per trial, worker pool, virtual time)`);
  console.log(`${"device".padEnd(36)} ${"true Mpps".padStart(10)} ${"avg Mpps".padStart(10)} ${"stdev".padStart(8)}  |err|/true  within 2 stdev`);
  const errors: number[] = [];
  let within = 0;
  for (const text of DEVICES) {
    const spec = parseDeviceSpec(text);
    const clock = new VirtualClock();
    const measurer = createSimulatedMeasurer({ device: createDevice(spec), clock });
    const options = { maxLoadPps: MAX_LOAD_PPS, maxTrials: 30, samplesPerTrial: ACCURACY_SAMPLES, packetLossRatioTarget: TARGET };
    const result = await runPlrSearch({ measurer, clock, integrator: pool, options });
    const truthPps = trueCriticalLoadPps(spec);
    const error = Math.abs(result.avgPps - truthPps) / truthPps;
    const inside = Math.abs(result.avgPps - truthPps) <= 2 * result.stdevPps;
    errors.push(error);
    within += inside ? 1 : 0;
    console.log(
      `${text.padEnd(36)} ${(truthPps / 1e6).toFixed(4).padStart(10)} ${(result.avgPps / 1e6).toFixed(4).padStart(10)} ` +
        `${(result.stdevPps / 1e6).toFixed(4).padStart(8)}  ${(error * 100).toFixed(3).padStart(8)}%  ${inside ? "yes" : "no"}`,
    );
  }
  const sorted = [...errors].sort((a, b) => a - b);
  console.log(`median |err|/true ${((sorted[Math.floor(sorted.length / 2)] ?? NaN) * 100).toFixed(3)}%, max ${((sorted[sorted.length - 1] ?? NaN) * 100).toFixed(3)}%; truth within avg +- 2 stdev: ${within}/${DEVICES.length}`);
}

async function main(): Promise<void> {
  const pool = createWorkerPoolIntegrator();
  try {
    await speed(pool);
    await accuracy(pool);
  } finally {
    await pool.close();
  }
}

await main();
