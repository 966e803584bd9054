/**
 * Who holds the run lock, precisely enough to tell later whether that process still runs:
 * pid and hostname, plus on Linux the boot id (a reboot ends every process) and the process
 * start time in clock ticks since boot (a pid reused by another process has another start time).
 */
import { readFileSync } from "node:fs";
import os from "node:os";

export interface ProcessIdentity {
  readonly pid: number;
  readonly hostname: string;
  /** /proc/sys/kernel/random/boot_id, or null where there is none. */
  readonly bootId: string | null;
  /** Field 22 of /proc/PID/stat (start time, ticks since boot), or null where there is none. */
  readonly startTicks: string | null;
}

export type Liveness = "alive" | "dead";

function readTextOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

interface ProcStat {
  readonly state: string;
  readonly startTicks: string;
}

/** The state letter and start ticks of a process from /proc, or null (no /proc, or no such pid). */
function procStat(pid: number): ProcStat | null {
  const text = readTextOrNull(`/proc/${pid}/stat`);
  if (text === null) return null;
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const state = fields[0];
  const startTicks = fields[19];
  if (state === undefined || startTicks === undefined) return null;
  return { state, startTicks };
}

export function currentProcessIdentity(): ProcessIdentity {
  return Object.freeze({
    pid: process.pid,
    hostname: os.hostname(),
    bootId: readTextOrNull("/proc/sys/kernel/random/boot_id")?.trim() ?? null,
    startTicks: procStat(process.pid)?.startTicks ?? null,
  });
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a process on this host (same hostname as `self`) still runs. Dead: the host rebooted
 * since, the pid is gone or a zombie, or the pid now belongs to a process started at another time.
 */
export function localLiveness(holder: ProcessIdentity, self: ProcessIdentity): Liveness {
  // 0 and negative pids name process groups, not a process: no controller ever held the lock so.
  if (!Number.isSafeInteger(holder.pid) || holder.pid <= 0) return "dead";
  if (holder.bootId !== null && self.bootId !== null && holder.bootId !== self.bootId) return "dead";
  if (!pidExists(holder.pid)) return "dead";
  const stat = procStat(holder.pid);
  if (stat === null) return "alive";
  if (stat.state === "Z" || stat.state === "X") return "dead";
  if (holder.startTicks !== null && holder.startTicks !== stat.startTicks) return "dead";
  return "alive";
}
