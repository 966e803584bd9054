/** Read agent.yaml: raw YAML -> defaults -> validated -> frozen AgentConfig, with line-precise errors. */
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { LineCounter, isMap, parseDocument } from "yaml";
import { ValidationError } from "../../common/errors.js";
import { AGENT_CONFIG_DEFAULTS, MIN_TOKEN_LENGTH, type AgentConfig } from "./agent-config.js";
import { readActionsConfig } from "./actions-config.js";
import { readGeneratorConfig } from "./generator-config.js";
import { readIperf3Config } from "./iperf3-config.js";
import { readMetersConfig } from "./meters-config.js";
import { readTlsConfig } from "./tls-config.js";
import { tokenWhenAbsent } from "./token-policy.js";
import { CONFIG_INVALID, YamlFields } from "./yaml-fields.js";

const TOP_LEVEL_KEYS = ["agentId", "listen", "token", "tokenFile", "limits", "heartbeatIntervalS", "generator", "meters", "actions", "iperf3", "tls"];

/** Reads a token file named in the config (path as written, relative to the config's folder). */
export type TokenFileReader = (path: string) => Promise<string>;

function checkToken(fields: YamlFields, key: string, token: string): string {
  if (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw fields.error(key, `must give a token of at least ${MIN_TOKEN_LENGTH} visible ASCII characters without spaces (it is sent in an HTTP header)`);
  }
  return token;
}

async function readToken(fields: YamlFields, readTokenFile: TokenFileReader): Promise<string> {
  if (fields.has("token") && fields.has("tokenFile")) throw fields.error("tokenFile", "cannot be given together with token; keep one");
  if (fields.has("token")) return checkToken(fields, "token", fields.string("token"));
  if (!fields.has("tokenFile")) throw fields.error("token", "is required (or tokenFile): controllers authenticate with it");
  const path = fields.string("tokenFile");
  let text: string;
  try {
    text = await readTokenFile(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fields.error("tokenFile", `names a file that cannot be read (${detail})`);
  }
  return checkToken(fields, "tokenFile", text.trim());
}

/** Validate agent.yaml text. `file` is used in messages; token files are read through `readTokenFile`. */
export async function parseAgentConfig(text: string, file: string, readTokenFile: TokenFileReader): Promise<AgentConfig> {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    const { line } = lines.linePos(syntaxError.pos[0]);
    throw new ValidationError(CONFIG_INVALID, `${file}:${line}: not valid YAML: ${syntaxError.message}`, { context: { file, line }, cause: syntaxError });
  }
  if (!isMap(document.contents)) {
    throw new ValidationError(CONFIG_INVALID, `${file}:1: must be a mapping of keys (listen, token, generator, ...)`, { context: { file, line: 1 } });
  }
  const root = new YamlFields(file, lines, document.contents, "");
  root.rejectUnknownKeys(TOP_LEVEL_KEYS);
  const listen = root.section("listen");
  listen.rejectUnknownKeys(["host", "port"]);
  const limits = root.section("limits");
  limits.rejectUnknownKeys(["maxMessageBytes", "maxPendingRequests"]);
  const listenHost = listen.string("host", AGENT_CONFIG_DEFAULTS.listenHost);
  const hasToken = root.has("token") || root.has("tokenFile");
  return Object.freeze({
    file,
    agentId: root.string("agentId", hostname()),
    listen: Object.freeze({
      host: listenHost,
      port: listen.number("port", { min: 0, max: 65535, integer: true }, AGENT_CONFIG_DEFAULTS.listenPort),
    }),
    // No token at all is allowed only on loopback (token-policy.ts); an empty token turns authentication off.
    token: hasToken ? await readToken(root, readTokenFile) : tokenWhenAbsent(root, listenHost),
    limits: Object.freeze({
      maxMessageBytes: limits.number("maxMessageBytes", { min: 1024, max: 64 * 1024 * 1024, integer: true, unit: "bytes" }, AGENT_CONFIG_DEFAULTS.maxMessageBytes),
      maxPendingRequests: limits.number("maxPendingRequests", { min: 1, max: 1024, integer: true }, AGENT_CONFIG_DEFAULTS.maxPendingRequests),
    }),
    heartbeatIntervalS: root.number("heartbeatIntervalS", { min: 0.01, max: 3600, unit: "s" }, AGENT_CONFIG_DEFAULTS.heartbeatIntervalS),
    generator: readGeneratorConfig(root.section("generator", true)),
    meters: readMetersConfig(root),
    actions: readActionsConfig(root),
    iperf3: readIperf3Config(root),
    tls: root.has("tls") ? readTlsConfig(root.section("tls"), file) : undefined,
  });
}

/** Read and validate an agent.yaml file. */
export async function loadAgentConfig(path: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ValidationError("AGENT_CONFIG_UNREADABLE", `Cannot read the agent config ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      context: { file: path },
      cause: error,
    });
  }
  return parseAgentConfig(text, path, (tokenPath) => readFile(resolve(dirname(path), tokenPath), "utf8"));
}
