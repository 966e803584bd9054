/** The `meters:` list of agent.yaml (docs/power.md): one entry per meter the controller may stream. */
import type { PowerTrace } from "../drivers/power/power-trace.js";

interface MeterCommonConfig {
  /** The name a StreamStart's `source` uses. */
  readonly name: string;
  /** Default poll interval; a stream may ask for another, not below the kind's minimum. */
  readonly intervalMs: number;
  /** Longest a command meter's read may take, seconds. */
  readonly timeoutS: number;
}

export interface HwmonMeterConfig extends MeterCommonConfig {
  readonly kind: "hwmon";
  readonly sysfsRoot: string;
  readonly device: string;
  readonly channels: readonly string[] | undefined;
}

export interface RaplMeterConfig extends MeterCommonConfig {
  readonly kind: "rapl";
  readonly sysfsRoot: string;
  readonly zone: string;
}

export interface IpmiMeterConfig extends MeterCommonConfig {
  readonly kind: "ipmi";
  readonly command: readonly string[];
  readonly channel: string;
}

export interface XrtMeterConfig extends MeterCommonConfig {
  readonly kind: "xrt";
  readonly binary: string;
  readonly device: string | undefined;
  readonly rails: boolean;
}

export interface CommandMeterConfig extends MeterCommonConfig {
  readonly kind: "command";
  readonly command: readonly string[];
  readonly pattern: RegExp;
  readonly scale: number;
  readonly channel: string;
}

export interface SimulatedMeterConfig extends MeterCommonConfig {
  readonly kind: "simulated";
  readonly channel: string;
  readonly trace: PowerTrace;
}

export type MeterConfig = HwmonMeterConfig | RaplMeterConfig | IpmiMeterConfig | XrtMeterConfig | CommandMeterConfig | SimulatedMeterConfig;

export type MeterKind = MeterConfig["kind"];

export const METER_KINDS: readonly MeterKind[] = Object.freeze(["hwmon", "rapl", "ipmi", "xrt", "command", "simulated"]);

/** Kinds read from files (or computed): they may poll down to 1 ms; command meters down to 50 ms. */
export function isFileMeter(kind: MeterKind): boolean {
  return kind === "hwmon" || kind === "rapl" || kind === "simulated";
}
