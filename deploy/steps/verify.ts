/**
 * Verify a deployed agent the way a controller sees it: through an SSH tunnel to the port it
 * listens on, connect with the controller's AgentClient (token at the upgrade) and check that its
 * AgentHello names the expected agent and software version. Retries until the deadline while the
 * agent is still starting.
 */
import type { Clock } from "../../common/clock.js";
import { isTestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import type { AgentHello } from "../../common/wire/types.js";
import { connectAgent } from "../../controller/agents/agent-client.js";
import { DeployError, DeployErrorCode, detailOf } from "../errors.js";
import type { RemoteShell } from "../remote/remote-shell.js";

export interface VerifyOptions {
  readonly shell: RemoteShell;
  readonly listenHost: string;
  readonly listenPort: number;
  readonly token: string;
  readonly expectedAgentId: string;
  readonly expectedVersion: string;
  readonly timeoutS: number;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
}

/** The address to tunnel to: a wildcard listener is reached on the host's loopback. */
function tunnelHost(listenHost: string): string {
  return listenHost === "0.0.0.0" || listenHost === "::" || listenHost === "[::]" || listenHost === "" ? "127.0.0.1" : listenHost.replace(/^\[(.*)\]$/, "$1");
}

async function helloWithin(options: VerifyOptions, url: string): Promise<AgentHello> {
  const deadline = new AbortController();
  const stopTimer = new AbortController();
  const timeout = new DeployError(DeployErrorCode.verifyFailed, `The agent on ${options.shell.host} did not answer within ${options.timeoutS} s`, {
    context: { host: options.shell.host, step: "verify", timeoutS: options.timeoutS },
  });
  options.clock.sleep(options.timeoutS, stopTimer.signal).then(
    () => deadline.abort(timeout),
    () => undefined,
  );
  const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([options.signal, deadline.signal]);
  // Refused connections while the agent starts are expected here; the verdict is reported by the caller.
  const logger = options.logger.isLevelEnabled("debug") ? options.logger : options.logger.child({}, { level: "silent" });
  try {
    const client = await connectAgent(
      {
        url,
        token: options.token,
        clock: options.clock,
        logger,
        clockSampleCount: 1,
        handshakeTimeoutS: Math.min(5, options.timeoutS),
        backoff: { initialDelayS: 0.2, maxDelayS: 1, jitterRatio: 0, maxAttempts: 100_000 },
      },
      signal,
    );
    try {
      return (await client.connection(signal)).hello;
    } finally {
      await client.close();
    }
  } finally {
    stopTimer.abort();
  }
}

export async function verifyAgent(options: VerifyOptions): Promise<AgentHello> {
  const { shell } = options;
  const context = { host: shell.host, step: "verify", port: options.listenPort };
  const forward = await shell.forward(tunnelHost(options.listenHost), options.listenPort);
  let hello: AgentHello;
  try {
    hello = await helloWithin(options, `ws://127.0.0.1:${forward.localPort}/`);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof DeployError) throw error;
    const code = isTestbenchError(error) ? error.code : "unknown";
    throw new DeployError(DeployErrorCode.verifyFailed, `The agent on ${shell.host} (port ${options.listenPort}) did not say hello: ${detailOf(error)}`, {
      context: { ...context, agentError: code },
      cause: error,
    });
  } finally {
    await forward.close();
  }
  if (hello.agentId !== options.expectedAgentId || hello.softwareVersion !== options.expectedVersion) {
    throw new DeployError(
      DeployErrorCode.verifyFailed,
      `The agent on ${shell.host} (port ${options.listenPort}) is ${hello.agentId} ${hello.softwareVersion}, expected ${options.expectedAgentId} ${options.expectedVersion}`,
      { context: { ...context, agentId: hello.agentId, softwareVersion: hello.softwareVersion } },
    );
  }
  return hello;
}
