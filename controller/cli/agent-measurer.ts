/** A Measurer through a real agent: `--agent ws://host:port --token-file F`. */
import { readFile } from "node:fs/promises";
import { ValidationError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import { connectAgent, type AgentClient } from "../agents/agent-client.js";
import { RemoteMeasurer } from "../measurers/remote.js";
import type { Measurer } from "../search/measurer.js";

export interface AgentFlagValues {
  readonly agent?: string;
  readonly tokenFile?: string;
  readonly frameSize?: number;
}

export interface AgentMeasurer {
  readonly measurer: Measurer;
  readonly client: AgentClient;
  close(): Promise<void>;
}

export async function readTokenFile(file: string, option = "--token-file"): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ValidationError("CLI_TOKEN_FILE_UNREADABLE", `${option} ${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (cause as Error).message}`, {
      context: { option, file },
      cause,
    });
  }
  const token = text.trim();
  if (token === "") throw new ValidationError("CLI_TOKEN_FILE_EMPTY", `${option} ${file} is empty; put the agent's token in it`, { context: { option, file } });
  return token;
}

export async function connectAgentMeasurer(values: AgentFlagValues, logger: Logger, signal?: AbortSignal): Promise<AgentMeasurer> {
  const url = values.agent ?? "";
  if (!/^wss?:\/\//.test(url)) {
    throw new ValidationError("CLI_OPTION_INVALID", `--agent must be a ws:// or wss:// URL, got ${JSON.stringify(url)}`, { context: { option: "--agent" } });
  }
  if (values.tokenFile === undefined) {
    throw new ValidationError("CLI_OPTION_MISSING", "--token-file is required with --agent: the file holding the agent's token", { context: { option: "--token-file" } });
  }
  const token = await readTokenFile(values.tokenFile);
  const client = await connectAgent({ url, token, logger: logger.child({ agent: url }) }, signal);
  const measurer = new RemoteMeasurer({ client, logger, ...(values.frameSize !== undefined && { frameSizeBytes: values.frameSize }) });
  return { measurer, client, close: () => client.close() };
}
