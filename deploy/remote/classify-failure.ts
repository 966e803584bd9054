/**
 * Turn a failed remote command into an error that says what and where: a full disk, missing sudo
 * rights, a permission problem, or (otherwise) the command's own complaint.
 */
import { DeployError, DeployErrorCode, type DeployErrorCodeValue } from "../errors.js";
import type { ExecResult } from "./remote-shell.js";

const RULES: ReadonlyArray<{ readonly pattern: RegExp; readonly code: DeployErrorCodeValue; readonly hint: string }> = [
  { pattern: /No space left on device|Disk quota exceeded/i, code: DeployErrorCode.diskFull, hint: "free space on the host (old releases are under installDir/releases) or choose another installDir" },
  {
    pattern: /sudo: (a password is required|a terminal is required)|is not in the sudoers file|is not allowed to (run|execute)|may not run sudo|sudo: (command )?not found|sudo: .*not found/i,
    code: DeployErrorCode.sudoDenied,
    hint: "the SSH user needs password-less sudo (NOPASSWD) on the host, or set sudo: false with an installDir it owns",
  },
  { pattern: /Permission denied|Operation not permitted|Read-only file system/i, code: DeployErrorCode.permissionDenied, hint: "give the SSH user rights to installDir, or set sudo: true" },
];

/** The last lines of a command's stderr (or stdout), for a message. */
export function outputTail(result: Pick<ExecResult, "stdout" | "stderr">, lines = 5): string {
  const text = (result.stderr.trim() === "" ? result.stdout : result.stderr).trim();
  return text.split("\n").slice(-lines).join(" | ");
}

export function classifyFailure(host: string, step: string, result: ExecResult): DeployError {
  const text = `${result.stderr}\n${result.stdout}`;
  const rule = RULES.find((candidate) => candidate.pattern.test(text));
  const status = result.exitCode === null ? "no exit status" : `exit ${result.exitCode}`;
  const detail = outputTail(result) || "(no output)";
  const context = { host, step, exitCode: result.exitCode };
  if (rule === undefined) return new DeployError(DeployErrorCode.remoteCommandFailed, `${step} failed on ${host} (${status}): ${detail}`, { context });
  return new DeployError(rule.code, `${step} failed on ${host} (${status}): ${detail}; ${rule.hint}`, { context });
}
