/**
 * The rule for agents without a token: an agent may run without one only when it listens on a
 * loopback address (then only processes on its own host can reach it, e.g. through an SSH tunnel).
 * Anything reachable from the network must authenticate controllers.
 */
import { isIPv4, isIPv6 } from "node:net";
import { ValidationError } from "../../common/errors.js";

export const TOKEN_REQUIRED = "AGENT_TOKEN_REQUIRED";

/** True for 127.0.0.0/8, ::1 (also bracketed), IPv4-mapped loopback and the name "localhost". */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const lower = bare.toLowerCase();
  if (lower === "localhost" || lower.endsWith(".localhost")) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1];
  const v4 = mapped ?? lower;
  if (isIPv4(v4)) return v4.startsWith("127.");
  if (isIPv6(lower)) return /^(0{0,4}:){7}0{0,3}1$|^::1$/.test(lower);
  return false;
}

/** What the config loader's field reader must offer to place an error at a key. */
export interface TokenPolicyFields {
  error(key: string, problem: string): ValidationError;
}

/**
 * For a config with neither `token` nor `tokenFile`: the empty token (authentication off) when the
 * agent listens on loopback, else an error at `token` saying why one is needed.
 */
export function tokenWhenAbsent(fields: TokenPolicyFields, listenHost: string): string {
  if (isLoopbackHost(listenHost)) return "";
  throw fields.error(
    "token",
    `is required (or tokenFile) because listen.host is ${JSON.stringify(listenHost)}: ` +
      "only an agent bound to loopback (127.0.0.1, ::1, localhost) may run without a token",
  );
}

/** The same rule for code that starts a server directly: refuse an empty token on a non-loopback address. */
export function assertTokenPolicy(token: string, listenHost: string): void {
  if (token !== "" || isLoopbackHost(listenHost)) return;
  throw new ValidationError(
    TOKEN_REQUIRED,
    `The agent refuses to listen on ${listenHost} without a token: set token or tokenFile in agent.yaml, or bind it to 127.0.0.1`,
    { context: { host: listenHost } },
  );
}
