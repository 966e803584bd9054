/**
 * The service runner for hosts without systemd: a POSIX sh script installed as
 * <installDir>/bin/testbench-agent-service. `start` launches a supervisor in its own session
 * (setsid, detached from the SSH session) that runs the agent of <installDir>/current and restarts
 * it 2 s after it exits; `stop` ends the supervisor and the agent (TERM, then KILL after 15 s).
 * Logs go to <installDir>/logs/agent.log (rotated once at 10 MiB, on start).
 */
import { shellQuote } from "../remote/shell-quote.js";

export interface RunnerScriptOptions {
  readonly installDir: string;
  /** Absolute path of node on the host. */
  readonly node: string;
}

export const RUNNER_RELATIVE_PATH = "bin/testbench-agent-service";

export function renderRunnerScript(options: RunnerScriptOptions): string {
  return `#!/bin/sh
# Testbench agent service runner, written by \`testbench deploy\` (docs/deploy.md).
# Usage: testbench-agent-service start|stop|restart|status|logs [lines]
set -u
DIR=${shellQuote(options.installDir)}
NODE=${shellQuote(options.node)}
PIDFILE="$DIR/run/supervisor.pid"
LOG="$DIR/logs/agent.log"
export TESTBENCH_LOG_LEVEL="\${TESTBENCH_LOG_LEVEL:-info}"

# A process that exists and is not a zombie (an exited supervisor may wait a while to be reaped).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
  [ -n "$state" ] && [ "$state" != Z ]
}

running() {
  [ -f "$PIDFILE" ] || return 1
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [ -n "$pid" ] && alive "$pid"
}

supervise() {
  echo $$ > "$PIDFILE"
  stopping=0
  child=
  trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM INT HUP
  while [ "$stopping" = 0 ]; do
    cd "$DIR/current" 2>/dev/null || cd "$DIR"
    "$NODE" "$DIR/current/app/dist/bin/testbench.js" agent --config "$DIR/current/agent.yaml" &
    child=$!
    wait "$child"
    code=$?
    # A trapped signal ends wait early: wait until the agent has really exited.
    while alive "$child"; do wait "$child"; code=$?; done
    child=
    [ "$stopping" = 1 ] && break
    echo "testbench-agent-service: the agent exited with status $code; restarting in 2 s"
    sleep 2 &
    child=$!
    wait "$child"
    child=
  done
  rm -f "$PIDFILE"
}

start() {
  if running; then echo "running $pid"; return 0; fi
  mkdir -p "$DIR/run" "$DIR/logs"
  if [ -f "$LOG" ] && [ "$(wc -c < "$LOG")" -gt 10485760 ]; then mv -f "$LOG" "$LOG.1"; fi
  rm -f "$PIDFILE"
  setsid "$0" supervise < /dev/null >> "$LOG" 2>&1 &
  tries=0
  until running; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then echo "testbench-agent-service: the supervisor did not start; see $LOG" >&2; return 1; fi
    sleep 0.1
  done
  echo "started $pid"
}

stop() {
  if ! running; then rm -f "$PIDFILE"; echo "stopped"; return 0; fi
  kill -TERM "$pid" 2>/dev/null
  tries=0
  while alive "$pid"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 150 ]; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null; break; fi
    sleep 0.1
  done
  rm -f "$PIDFILE"
  echo "stopped"
}

case "\${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop > /dev/null; start ;;
  status) if running; then echo "running $pid"; else echo "stopped"; exit 3; fi ;;
  logs) if [ -f "$LOG" ]; then tail -n "\${2:-100}" "$LOG"; fi ;;
  supervise) supervise ;;
  *) echo "usage: $0 start|stop|restart|status|logs [lines]" >&2; exit 2 ;;
esac
`;
}
