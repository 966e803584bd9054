/**
 * The failover action's executable on a namespace testbed (an agent's action runs it with a fixed
 * argv: [script, "{pollMs}"], no shell in between): the DUT's primary link goes down, and after
 * the controller's poll interval the DUT's route to the service moves to the backup next hop.
 */
import { chmod, writeFile } from "node:fs/promises";
import type { FailoverTopology } from "./netns-topology.js";

export function netnsFailoverScript(topology: FailoverTopology): string {
  const dut = topology.dut;
  return [
    "#!/bin/bash",
    "# Fail the primary path of the DUT; re-route after $1 ms (the controller's poll interval).",
    "set -eu",
    'poll_ms="$1"',
    `ip -n ${dut} link set ${topology.primaryLink} down`,
    'sleep "$((poll_ms / 1000)).$(printf %03d $((poll_ms % 1000)))"',
    `ip -n ${dut} route replace ${topology.serviceAddress}/32 via ${topology.backupNextHop}`,
    'echo "re-routed after ${poll_ms} ms"',
    "",
  ].join("\n");
}

/** Writes an executable script file (mode 0700). */
export async function writeScript(file: string, text: string): Promise<string> {
  await writeFile(file, text, { mode: 0o700 });
  await chmod(file, 0o700);
  return file;
}
