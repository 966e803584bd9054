/**
 * The loopback testbed's stand-in for a failover (no root, no namespaces: nothing to re-route).
 * It stalls the receiver instead: the iperf3 server on the testbed's port is stopped (SIGSTOP) for
 * the poll interval and continued. Datagrams that arrive while the socket buffer is full are lost,
 * so the loss and the recovery are real, but they model a receiver outage, not a path switch; the
 * loss window is about pollMs minus what the buffer absorbs (212 KiB: ~34 ms at 50 Mbit/s).
 */

/** Bash script for the action's fixed argv [script, "{pollMs}"]; it touches only the server on `port`. */
export function loopbackStallScript(port: number): string {
  return [
    "#!/bin/bash",
    `# Stall the iperf3 server on port ${port} for $1 ms (the controller's poll interval).`,
    "set -eu",
    'poll_ms="$1"',
    `pid="$(pgrep -n -f -- "iperf3 -s -p ${port} ")" || { echo "no iperf3 server on port ${port}" >&2; exit 3; }`,
    'kill -STOP "$pid"',
    'trap \'kill -CONT "$pid"\' EXIT',
    'sleep "$((poll_ms / 1000)).$(printf %03d $((poll_ms % 1000)))"',
    'echo "receiver stalled for ${poll_ms} ms"',
    "",
  ].join("\n");
}
