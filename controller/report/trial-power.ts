/**
 * Power at a run's throughput (docs/report.md "Power"): per device, the mean power of the trials
 * at the load nearest the result (conditional throughput, or the soak average), and W per Mpps.
 */
import type { ReportRun, ReportTrial } from "./model.js";

export interface PowerAtThroughput {
  /** The goal or soak estimate. */
  readonly result: string;
  readonly throughputPps: number;
  readonly device: string;
  /** Load of the trials used (the one nearest the throughput). */
  readonly trialLoadPps: number;
  readonly trialCount: number;
  readonly meanPowerW: number;
  readonly wattsPerMpps: number;
}

/** Devices with a mean power in any trial, sorted. */
export function powerDevices(trials: readonly ReportTrial[]): string[] {
  return [...new Set(trials.flatMap((trial) => Object.keys(trial.power ?? {})))].sort();
}

function atThroughput(result: string, throughputPps: number, trials: readonly ReportTrial[], device: string): PowerAtThroughput | null {
  const measured = trials.filter((trial) => !trial.warmup && Number.isFinite(trial.power?.[device]));
  if (measured.length === 0 || !(throughputPps > 0)) return null;
  const distance = (trial: ReportTrial) => Math.abs(trial.loadPps - throughputPps);
  const nearest = measured.reduce((best, trial) => (distance(trial) < distance(best) ? trial : best));
  const atLoad = measured.filter((trial) => Math.abs(trial.loadPps - nearest.loadPps) <= 1e-9 * nearest.loadPps);
  const meanPowerW = atLoad.reduce((sum, trial) => sum + (trial.power?.[device] ?? 0), 0) / atLoad.length;
  return { result, throughputPps, device, trialLoadPps: nearest.loadPps, trialCount: atLoad.length, meanPowerW, wattsPerMpps: meanPowerW / (throughputPps / 1e6) };
}

export function powerAtThroughput(run: ReportRun): PowerAtThroughput[] {
  const results = [
    ...run.goals.map((goal) => ({ name: goal.name, pps: goal.conditionalThroughputPps })),
    ...run.soaks.map((soak) => ({ name: soak.name, pps: soak.averagePps })),
  ];
  return powerDevices(run.trials).flatMap((device) => results.flatMap(({ name, pps }) => (pps === null ? [] : [atThroughput(name, pps, run.trials, device)]).filter((row) => row !== null)));
}

/** A stored trial's `power` ({device: {meanPowerW, samples}}) as device -> W; undefined when it has none. */
export function storedTrialPower(value: unknown): Readonly<Record<string, number>> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const power: Record<string, number> = {};
  for (const [device, entry] of Object.entries(value)) {
    const meanPowerW = typeof entry === "object" && entry !== null ? (entry as { meanPowerW?: unknown }).meanPowerW : undefined;
    if (typeof meanPowerW === "number" && Number.isFinite(meanPowerW)) power[device] = meanPowerW;
  }
  return Object.keys(power).length === 0 ? undefined : power;
}
