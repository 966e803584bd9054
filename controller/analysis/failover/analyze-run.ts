/**
 * The analysis of one failover run: loss %, throughput, RTT and retransmits per epoch summed over
 * sessions, power per device per epoch, the recovery time after the trigger and the packets lost.
 */
import { gridCovering } from "./epoch-grid.js";
import { lossBasisOf, tcpBaselineBps, tcpLossRows, udpLossRows, type EpochRow, type LossBasis } from "./epoch-loss.js";
import { epochSums } from "./epoch-series.js";
import { eventMissingError, inputError } from "./errors.js";
import type { FailoverRun, RunEvent } from "./model.js";
import { compileAnalysisOptions, type FailoverAnalysisOptions } from "./options.js";
import { powerPerEpoch, type DevicePower } from "./power-epochs.js";
import { recoveryOf, type Recovery } from "./recovery.js";
import { runTotals, type RunTotals } from "./totals.js";

export interface RunAnalysis {
  readonly options: FailoverAnalysisOptions;
  readonly lossBasis: LossBasis;
  readonly triggerAtNs: number;
  /** The event at time zero of the run axis (e.g. "iperf_client"). */
  readonly originEvent: string;
  /** Epoch k covers [anchorNs + k * epochNs, anchorNs + (k + 1) * epochNs) on the run axis. */
  readonly anchorNs: number;
  readonly epochNs: number;
  readonly epochs: readonly EpochRow[];
  readonly power: readonly DevicePower[];
  readonly recovery: Recovery;
  readonly totals: RunTotals;
  /** TCP: the throughput that loss is measured against. */
  readonly tcpBaselineBps: number | null;
  readonly events: readonly RunEvent[];
  readonly warnings: readonly string[];
}

export function triggerAtNs(run: FailoverRun, triggerEvent: string): number {
  const trigger = run.events.find((event) => event.name === triggerEvent && event.phase === "start");
  if (trigger === undefined) throw eventMissingError(triggerEvent, run.events.map((event) => event.name), "triggerEvent");
  return trigger.atNs;
}

function dataRangeNs(run: FailoverRun): readonly [number, number] {
  const intervals = run.sessions.flatMap((session) => [...session.received, ...session.sent]).filter((interval) => !interval.omitted);
  if (intervals.length === 0) throw inputError({ source: `run at origin ${run.originUnixNs} ns` }, "no iperf3 intervals to analyse in any session");
  return [Math.min(...intervals.map((interval) => interval.startNs)), Math.max(...intervals.map((interval) => interval.endNs))];
}

/** Analyses `run`; `rawOptions` are validated (FAILOVER_OPTION_INVALID) and defaulted. */
export function analyzeRun(run: FailoverRun, rawOptions: Partial<FailoverAnalysisOptions> = {}): RunAnalysis {
  const options = compileAnalysisOptions(rawOptions);
  const triggerNs = triggerAtNs(run, options.triggerEvent);
  const anchorNs = options.epochAnchor === "trigger" ? triggerNs : 0;
  const epochNs = Math.round(options.epochS * 1e9);
  const [minNs, maxNs] = dataRangeNs(run);
  const sums = epochSums(run.sessions, gridCovering(anchorNs, epochNs, minNs, maxNs), options.attribution);
  const lossBasis = lossBasisOf(run.sessions);
  const reporting = run.sessions.filter((session) => session.received.length + session.sent.length > 0).length;
  const baseline = lossBasis === "tcp-throughput" ? tcpBaselineBps(sums, triggerNs, options.tcpBaselineS * 1e9, reporting) : null;
  const epochs = lossBasis === "udp-packets" ? udpLossRows(sums) : tcpLossRows(sums, baseline, reporting);
  const warnings = [...run.warnings];
  if (lossBasis === "tcp-throughput" && baseline === null) warnings.push(`no TCP throughput in the ${options.tcpBaselineS} s before the trigger: loss cannot be inferred`);
  return {
    options,
    lossBasis,
    triggerAtNs: triggerNs,
    originEvent: run.originEvent,
    anchorNs,
    epochNs,
    epochs,
    power: powerPerEpoch(run.power, anchorNs, Math.round(options.powerEpochS * 1e9)),
    recovery: recoveryOf(epochs, triggerNs, lossBasis === "udp-packets" ? options.recoveryThresholdPercent : options.tcpRecoveryThresholdPercent, options.recoveryHoldEpochs),
    totals: runTotals(run.sessions, triggerNs, options.afterTriggerWindowS),
    tcpBaselineBps: baseline,
    events: run.events,
    warnings,
  };
}
