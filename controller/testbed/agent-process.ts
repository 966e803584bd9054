/**
 * An agent process of our own binary, optionally inside a network namespace (`ip netns exec NS`
 * execs node in place, so the pid, signals and the stdin lifeline are the agent's own).
 */
import type { Logger } from "../../common/logger.js";
import { startChild, type RunningChild } from "./child.js";
import { testbenchBin } from "./embedded.js";

export interface AgentProcessOptions {
  readonly name: string;
  readonly configFile: string;
  /** Run inside this namespace (needs root); null: the current one. */
  readonly netns: string | null;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly readyTimeoutS?: number;
}

export interface AgentProcess {
  readonly url: string;
  readonly child: RunningChild;
}

export async function startAgentProcess(options: AgentProcessOptions): Promise<AgentProcess> {
  const agentArgs = [testbenchBin, "agent", "--config", options.configFile];
  const [file, args] = options.netns === null ? [process.execPath, agentArgs] : ["ip", ["netns", "exec", options.netns, process.execPath, ...agentArgs]];
  const child = await startChild({
    name: options.name,
    file,
    args,
    readyPattern: /listening on (ws:\/\/\S+)/,
    readyTimeoutS: options.readyTimeoutS ?? 20,
    logger: options.logger,
    ...(options.signal && { signal: options.signal }),
  });
  return { url: child.match[1] ?? "", child };
}
