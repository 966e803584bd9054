/**
 * Options of the failover analysis, compiled once: raw -> defaults -> validated -> frozen. The
 * defaults are the lab notebook's where it had one (100 ms epochs, the `fail_link` trigger) and
 * documented choices where it had none (docs/failover-analysis.md).
 */
import { optionError } from "./errors.js";

/** How an iperf3 interval that straddles epochs is counted. */
export type Attribution = "proportional" | "interval-end";
/** Where the epoch grid starts: at the trigger (so replications line up) or at the run's origin. */
export type EpochAnchor = "trigger" | "origin";

export interface FailoverAnalysisOptions {
  /** Epoch length (the notebook's 0.1 s bins). */
  readonly epochS: number;
  /** Name of the event whose start is the failover trigger. */
  readonly triggerEvent: string;
  readonly epochAnchor: EpochAnchor;
  /** `proportional` splits an interval's counts by overlap; `interval-end` is the notebook's ceil(t*10)/10 binning. */
  readonly attribution: Attribution;
  /** An epoch counts as recovered when its loss is below this (UDP datagram loss). */
  readonly recoveryThresholdPercent: number;
  /** The same for TCP, whose loss is a throughput shortfall: 0.1 s TCP epochs swing by several % with no fault. */
  readonly tcpRecoveryThresholdPercent: number;
  /** Consecutive epochs under the threshold that make a recovery (1: the first such epoch). */
  readonly recoveryHoldEpochs: number;
  /** "Packets lost after the trigger" counts intervals ending in [trigger, trigger + this). */
  readonly afterTriggerWindowS: number;
  /** TCP: the throughput baseline is the median epoch throughput in [trigger - this, trigger). */
  readonly tcpBaselineS: number;
  /** Power is averaged over epochs of this length (the notebook rounded power times to 1 s). */
  readonly powerEpochS: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: FailoverAnalysisOptions = Object.freeze({
  epochS: 0.1,
  triggerEvent: "fail_link",
  epochAnchor: "trigger",
  attribution: "proportional",
  recoveryThresholdPercent: 1,
  tcpRecoveryThresholdPercent: 10,
  recoveryHoldEpochs: 1,
  afterTriggerWindowS: 2,
  tcpBaselineS: 1,
  powerEpochS: 1,
});

function positive(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw optionError(name, value, "a finite number > 0");
  return value;
}

function percent(name: string, value: unknown): number {
  if (typeof value !== "number" || !(value > 0 && value <= 100)) throw optionError(name, value, "a number in (0, 100]");
  return value;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !allowed.includes(value as T)) throw optionError(name, value, `one of ${allowed.map((item) => JSON.stringify(item)).join(", ")}`);
  return value as T;
}

/** Defaults filled in, every value checked (FAILOVER_OPTION_INVALID names the option), frozen. */
export function compileAnalysisOptions(raw: Partial<FailoverAnalysisOptions> = {}): FailoverAnalysisOptions {
  for (const key of Object.keys(raw)) if (!(key in DEFAULT_ANALYSIS_OPTIONS)) throw optionError(key, (raw as Record<string, unknown>)[key], `a known option (${Object.keys(DEFAULT_ANALYSIS_OPTIONS).join(", ")})`);
  const merged = { ...DEFAULT_ANALYSIS_OPTIONS, ...Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)) };
  const hold = merged.recoveryHoldEpochs;
  if (typeof hold !== "number" || !Number.isInteger(hold) || hold < 1) throw optionError("recoveryHoldEpochs", hold, "an integer >= 1");
  if (typeof merged.triggerEvent !== "string" || merged.triggerEvent.trim() === "") throw optionError("triggerEvent", merged.triggerEvent, "an event name");
  return Object.freeze({
    epochS: positive("epochS", merged.epochS),
    triggerEvent: merged.triggerEvent,
    epochAnchor: oneOf("epochAnchor", merged.epochAnchor, ["trigger", "origin"] as const),
    attribution: oneOf("attribution", merged.attribution, ["proportional", "interval-end"] as const),
    recoveryThresholdPercent: percent("recoveryThresholdPercent", merged.recoveryThresholdPercent),
    tcpRecoveryThresholdPercent: percent("tcpRecoveryThresholdPercent", merged.tcpRecoveryThresholdPercent),
    recoveryHoldEpochs: hold,
    afterTriggerWindowS: positive("afterTriggerWindowS", merged.afterTriggerWindowS),
    tcpBaselineS: positive("tcpBaselineS", merged.tcpBaselineS),
    powerEpochS: positive("powerEpochS", merged.powerEpochS),
  });
}
