import { spawnSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./paths.js";

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built `testbench` binary (npm test builds it first) and capture everything. */
export function runCli(args: readonly string[], options: { cwd?: string; timeoutMs?: number; env?: Readonly<Record<string, string>> } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "dist/bin/testbench.js"), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, TESTBENCH_LOG_LEVEL: "silent", ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
