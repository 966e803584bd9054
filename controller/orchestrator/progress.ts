/**
 * Campaign progress: a bar with ETA on a terminal, a periodic SUMMARY line otherwise. The
 * ETA is the mean duration of the runs finished so far x runs left / parallel slots.
 */
import type { Clock } from "../../common/clock.js";

export interface Counts {
  readonly total: number;
  succeeded: number;
  failed: number;
  interrupted: number;
  running: number;
}

export function newCounts(total: number): Counts {
  return { total, succeeded: 0, failed: 0, interrupted: 0, running: 0 };
}

export function etaS(counts: Counts, finishedDurationsS: readonly number[], slots: number): number | null {
  if (finishedDurationsS.length === 0) return null;
  const meanS = finishedDurationsS.reduce((sum, value) => sum + value, 0) / finishedDurationsS.length;
  const left = counts.total - counts.succeeded - counts.failed - counts.interrupted;
  return (meanS * left) / Math.max(1, slots);
}

export function formatDurationS(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "unknown";
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  return hours > 0 ? `${hours}h${String(minutes).padStart(2, "0")}m` : minutes > 0 ? `${minutes}m${String(secs).padStart(2, "0")}s` : `${secs}s`;
}

export function summaryLine(counts: Counts, eta: number | null): string {
  const done = counts.succeeded + counts.failed;
  const scheduled = counts.total - done - counts.interrupted - counts.running;
  return `SUMMARY completed=${done}/${counts.total} succeeded=${counts.succeeded} failed=${counts.failed} running=${counts.running} scheduled=${scheduled} eta=${formatDurationS(eta)}`;
}

export function progressBar(counts: Counts, eta: number | null, width = 30): string {
  const done = counts.succeeded + counts.failed;
  const filled = counts.total === 0 ? width : Math.round((done / counts.total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${counts.total} runs, ${counts.failed} failed, ${counts.running} running, ETA ${formatDurationS(eta)}`;
}

export interface ProgressReporter {
  update(counts: Counts, eta: number | null): void;
  finish(counts: Counts): void;
}

/** Redraws one line on a terminal, or writes a SUMMARY line at most every `intervalS`. */
export function createProgressReporter(options: { interactive: boolean; write: (text: string) => void; clock: Clock; intervalS?: number }): ProgressReporter {
  let lastS = Number.NEGATIVE_INFINITY;
  const intervalS = options.intervalS ?? 30;
  return {
    update(counts, eta) {
      if (options.interactive) {
        options.write(`\r${progressBar(counts, eta)}\u001b[K`);
        return;
      }
      const nowS = options.clock.monotonicS();
      if (nowS - lastS < intervalS) return;
      lastS = nowS;
      options.write(`${summaryLine(counts, eta)}\n`);
    },
    finish(counts) {
      options.write(options.interactive ? `\r${progressBar(counts, 0)}\u001b[K\n` : `${summaryLine(counts, 0)}\n`);
    },
  };
}
