/** Run a command action: argv rendered from its templates, no shell, bounded output, timeout and cancellation. */
import { execa } from "execa";
import type { Clock } from "../../common/clock.js";
import { BoundedText } from "../streams/bounded-text.js";
import { MAX_ACTION_OUTPUT_BYTES, type CommandAction, type ParamValue } from "./action-definition.js";
import { createDeadline, type ActionAttempt } from "./action-attempt.js";
import { renderTemplate } from "./template.js";

/** SIGTERM to SIGKILL when an action is cancelled or times out, milliseconds. */
const KILL_GRACE_MS = 2000;

function firstLine(text: string): string {
  return text.trim().split("\n")[0]?.slice(0, 200) ?? "";
}

export async function runCommandAction(action: CommandAction, values: Readonly<Record<string, ParamValue>>, clock: Clock, signal: AbortSignal): Promise<ActionAttempt> {
  const [file = "", ...args] = action.argv.map((template) => renderTemplate(template, values));
  const stdout = new BoundedText(MAX_ACTION_OUTPUT_BYTES);
  const stderr = new BoundedText(MAX_ACTION_OUTPUT_BYTES);
  const deadline = createDeadline(action.timeoutS, signal, (durationS, timer) => clock.sleep(durationS, timer));
  const subprocess = execa(file, args, { reject: false, stdin: "ignore", buffer: false, cancelSignal: deadline.signal, forceKillAfterDelay: KILL_GRACE_MS });
  subprocess.stdout.setEncoding("utf8").on("data", (chunk: string) => stdout.append(chunk));
  subprocess.stderr.setEncoding("utf8").on("data", (chunk: string) => stderr.append(chunk));
  const result = await subprocess;
  deadline.clear();
  const captured = { stdout: stdout.text, stderr: stderr.text, outputTruncated: stdout.truncated || stderr.truncated, httpStatus: 0 };
  const exitCode = result.exitCode ?? -1;
  if (result.code === "ENOENT" || result.code === "EACCES") {
    return { ...captured, outcome: "failed", exitCode, detail: `cannot run ${file} (${result.code})` };
  }
  if (deadline.timedOut()) return { ...captured, outcome: "timed-out", exitCode, detail: `timed out after ${action.timeoutS} s; killed` };
  if (result.isCanceled) return { ...captured, outcome: "cancelled", exitCode, detail: "cancelled; killed" };
  if (result.signal !== undefined) return { ...captured, outcome: "failed", exitCode, detail: `killed by ${result.signal}` };
  if (exitCode === 0) return { ...captured, outcome: "succeeded", exitCode, detail: "exit 0" };
  const why = firstLine(stderr.text);
  return { ...captured, outcome: "failed", exitCode, detail: `exit ${exitCode}${why ? `: ${why}` : ""}` };
}
