import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Processes a test started, directly or through its children: the test runs its command with
 * TESTBENCH_TEST_TAG set, children inherit the environment, and /proc tells which live processes
 * carry the tag (other tests running in parallel start processes of their own).
 */
export function newProcessTag(): string {
  return `tbtest-${randomBytes(6).toString("hex")}`;
}

export function processesWithTag(tag: string): number[] {
  const needle = `TESTBENCH_TEST_TAG=${tag}`;
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "latin1");
      const state = readFileSync(`/proc/${entry}/stat`, "latin1");
      if (environ.split("\0").includes(needle) && !/\) Z /.test(state)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
