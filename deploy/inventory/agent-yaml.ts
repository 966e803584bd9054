/**
 * A host's agent.yaml: the merged `agent` settings plus its agentId (default: the host's name)
 * and `tokenFile: agent.token`, checked by the agent's own config loader before anything is
 * uploaded. Errors point at the inventory line that set the offending value.
 */
import { stringify } from "yaml";
import { isTestbenchError } from "../../common/errors.js";
import type { DataPath } from "../../controller/campaign/yaml-source.js";
import { parseAgentConfig } from "../../agent/config/load-agent-config.js";
import { definedAt, parseDottedKey, type Layer, type Raw } from "./layers.js";

/** The name of the token file next to agent.yaml on the host. */
export const AGENT_TOKEN_FILE = "agent.token";

export interface LocatedProblem {
  readonly path: DataPath;
  readonly message: string;
}

export interface RenderedAgentConfig {
  readonly text: string;
  readonly agentId: string;
  readonly listenHost: string;
  readonly listenPort: number;
}

const LABEL = "agent.yaml";

/** Keys deploy sets itself; an inventory `agent:` section must not. */
const RESERVED = ["token", "tokenFile"];

export async function renderAgentConfig(
  hostName: string,
  agent: Raw,
  token: string,
  layers: readonly Layer[],
): Promise<{ rendered: RenderedAgentConfig } | { problems: LocatedProblem[] }> {
  const problems: LocatedProblem[] = [];
  for (const key of RESERVED.filter((reserved) => agent[reserved] !== undefined)) {
    problems.push({ path: definedAt(layers, ["agent", key]), message: `is set by deploy (written as ${AGENT_TOKEN_FILE}); give tokenFile beside agent, not inside it` });
  }
  if (agent["tls"] !== undefined) {
    problems.push({ path: definedAt(layers, ["agent", "tls"]), message: "deploy cannot verify a TLS (wss) agent yet: configure tls on the host by hand (docs/deploy.md, limits)" });
  }
  if (problems.length > 0) return { problems };
  const body: Raw = { agentId: hostName, ...agent, tokenFile: AGENT_TOKEN_FILE };
  const text = `# Written by testbench deploy for host ${hostName}; edit the inventory, not this file.\n${stringify(body)}`;
  try {
    const config = await parseAgentConfig(text, LABEL, () => Promise.resolve(token));
    if (config.listen.port === 0) {
      return { problems: [{ path: definedAt(layers, ["agent", "listen", "port"]), message: "listen.port 0 (any free port) cannot be verified after a deploy; give a fixed port" }] };
    }
    return { rendered: { text, agentId: config.agentId, listenHost: config.listen.host, listenPort: config.listen.port } };
  } catch (error) {
    if (!isTestbenchError(error)) throw error;
    const key = typeof error.context["key"] === "string" ? error.context["key"] : undefined;
    const line = error.context["line"];
    const prefix = `${LABEL}:${String(line)}: `;
    const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    if (key === undefined) return { problems: [{ path: definedAt(layers, ["agent"]), message: `agent config: ${text}` }] };
    const problem = text.startsWith(`${key} `) ? text.slice(key.length + 1) : text;
    if (key === "tokenFile" || key === "token") return { problems: [{ path: definedAt(layers, ["tokenFile"]), message: `(its token) ${problem}` }] };
    return { problems: [{ path: definedAt(layers, ["agent", ...parseDottedKey(key)]), message: problem }] };
  }
}
