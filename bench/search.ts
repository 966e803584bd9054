/**
 * bench:search — effective trial-seconds MLRsearch needs versus RFC 2544 binary search,
 * on several simulated devices, measured in this run.
 *
 * Two comparisons per device:
 *  - CSIT NDR+PDR: MLRsearch csit-ndrpdr (1 s trials, both goals in one search) against two
 *    RFC 2544 binary searches (loss 0 and loss 0.005, 60 s trials, resolution 0.005).
 *  - One zero-loss goal: MLRsearch's rfc2544 preset (60 s final trials) against one RFC 2544
 *    binary search at loss 0.
 * The ratio is baseline seconds / MLRsearch seconds (above 1: MLRsearch is faster).
 */
import { createDevice, parseDeviceSpec } from "../common/devices/index.js";
import { VirtualClock } from "../common/clock.js";
import { mlrConfigFromFlags } from "../controller/cli/search-flags.js";
import { runMlrOnVirtualTime } from "../controller/cli/search-mlr.js";
import { runRfc2544 } from "../controller/cli/search-rfc2544.js";
import { createSimulatedMeasurer } from "../controller/measurers/simulated.js";

const devices = [
  "hard:mrr=1e7,seed=1",
  "hard:mrr=3.3e6,noise=0.01,seed=2",
  "stretch:mrr=1e7,spread=1e5,seed=1",
  "stretch:mrr=5e6,spread=2e5,seed=3",
  "erf:mrr=1e7,spread=1e5,seed=2",
  "erf:mrr=8e5,spread=1e4,seed=4",
  "bursty:mrr=1e7,seed=1",
  "bursty:mrr=2e6,burst-probability=0.3,seed=5",
];

const measurerFor = (spec: string) => createSimulatedMeasurer({ device: createDevice(parseDeviceSpec(spec)) });

async function mlrSeconds(spec: string, preset: string): Promise<{ seconds: number; trials: number; ndrPps: number | null }> {
  const outcome = await runMlrOnVirtualTime(mlrConfigFromFlags({ preset }), measurerFor(spec), {});
  const seconds = outcome.trials.reduce((sum, trial) => sum + trial.result.durationWithOverheadsS, 0);
  return { seconds, trials: outcome.trials.length, ndrPps: outcome.goals[0]?.conditionalThroughputPps ?? null };
}

async function binarySeconds(spec: string, lossRatio: number): Promise<{ seconds: number; trials: number; throughputPps: number | null }> {
  const report = await runRfc2544({ lossRatio, trialDuration: 60, resolution: 0.005 }, measurerFor(spec), new VirtualClock(), {});
  return { seconds: report.effectiveSecondsSum, trials: report.trials, throughputPps: report.goals[0]?.conditionalThroughputPps ?? null };
}

const fmt = (value: number, digits = 1) => value.toFixed(digits);
const mpps = (value: number | null) => (value === null ? "-" : (value / 1e6).toFixed(4));

function geomean(values: readonly number[]): number {
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

async function main(): Promise<void> {
  const ndrPdrRatios: number[] = [];
  const zeroLossRatios: number[] = [];
  console.log("bench:search: effective trial-seconds, MLRsearch vs RFC 2544 binary search (60 s trials, resolution 0.005)\n");
  console.log(
    ["device".padEnd(44), "MLR ndrpdr s", "2x binary s", "ratio", "MLR rfc2544 s", "binary s", "ratio", "NDR MLR/binary Mpps"].join("  "),
  );
  for (const spec of devices) {
    const mlr = await mlrSeconds(spec, "csit-ndrpdr");
    const ndr = await binarySeconds(spec, 0);
    const pdr = await binarySeconds(spec, 0.005);
    const mlr2544 = await mlrSeconds(spec, "rfc2544");
    const ndrPdrRatio = (ndr.seconds + pdr.seconds) / mlr.seconds;
    const zeroLossRatio = ndr.seconds / mlr2544.seconds;
    ndrPdrRatios.push(ndrPdrRatio);
    zeroLossRatios.push(zeroLossRatio);
    console.log(
      [
        spec.padEnd(44),
        fmt(mlr.seconds).padStart(12),
        fmt(ndr.seconds + pdr.seconds).padStart(11),
        fmt(ndrPdrRatio, 2).padStart(5),
        fmt(mlr2544.seconds).padStart(13),
        fmt(ndr.seconds).padStart(8),
        fmt(zeroLossRatio, 2).padStart(5),
        `${mpps(mlr.ndrPps)} / ${mpps(ndr.throughputPps)}`.padStart(19),
      ].join("  "),
    );
  }
  console.log(`\nNDR+PDR: RFC 2544 binary search needs ${fmt(geomean(ndrPdrRatios), 2)}x the trial-seconds of MLRsearch csit-ndrpdr (geometric mean over ${devices.length} devices)`);
  console.log(`one zero-loss goal: RFC 2544 binary search needs ${fmt(geomean(zeroLossRatios), 2)}x the trial-seconds of MLRsearch's rfc2544 preset`);
}

await main();
