/**
 * One read-only look at a host: who we are, where node is and what it runs on, whether systemd
 * runs, what is installed (current release, its config and token digests, the service
 * definitions) and how much disk is free where the agent goes. Nothing on the host changes.
 */
import { parse } from "yaml";
import { DeployError, DeployErrorCode } from "../errors.js";
import type { RemoteOps } from "../remote/remote-ops.js";
import { shellQuote } from "../remote/shell-quote.js";
import { RUNNER_RELATIVE_PATH } from "../service/runner-script.js";
import { unitPath } from "../service/systemd-unit.js";

export interface InstalledRelease {
  readonly name: string;
  readonly version: string | undefined;
  readonly bundleSha256: string | undefined;
  /** SHA-256 of its agent.yaml and agent.token (compared, never stored locally). */
  readonly configSha256: string | undefined;
  readonly tokenSha256: string | undefined;
  /** From its agent.yaml: where it listens and its name (to verify it again after a rollback). */
  readonly agentId: string | undefined;
  readonly listenHost: string;
  readonly listenPort: number;
}

export interface HostState {
  readonly user: string;
  readonly nodePath: string | undefined;
  readonly nodeVersion: string | undefined;
  readonly platform: string | undefined;
  readonly systemd: boolean;
  readonly current: InstalledRelease | undefined;
  readonly bundleUploaded: boolean;
  /** SHA-256 of the runner script and of the systemd unit, when present. */
  readonly runnerSha256: string | undefined;
  readonly unitSha256: string | undefined;
  /** The nearest existing directory of installDir and the bytes free there. */
  readonly diskPath: string;
  readonly diskFreeBytes: number;
}

export function probeScript(installDir: string, node: string, bundleSha256: string, serviceName: string): string {
  const dir = shellQuote(installDir);
  return `D=${dir}
echo "user=$(id -un)"
NODE=$(command -v ${shellQuote(node)} 2>/dev/null || true)
echo "node=$NODE"
if [ -n "$NODE" ]; then echo "nodeInfo=$("$NODE" -p 'process.versions.node+" "+process.platform+"-"+process.arch+"-abi"+process.versions.modules' 2>/dev/null)"; fi
if [ -d /run/systemd/system ] && command -v systemctl > /dev/null 2>&1; then echo systemd=yes; else echo systemd=no; fi
if [ -L "$D/current" ]; then
  echo "current=$(basename "$(readlink "$D/current")")"
  echo "release=$(tr -d '\\n' < "$D/current/release.json" 2>/dev/null)"
  echo "configSha=$(sha256sum < "$D/current/agent.yaml" 2>/dev/null | cut -d' ' -f1)"
  echo "tokenSha=$(sha256sum < "$D/current/agent.token" 2>/dev/null | cut -d' ' -f1)"
  echo "configB64=$(base64 < "$D/current/agent.yaml" 2>/dev/null | tr -d '\n')"
fi
if [ -f "$D/bundles/${bundleSha256}.tar.gz" ]; then echo bundle=yes; else echo bundle=no; fi
if [ -f "$D/${RUNNER_RELATIVE_PATH}" ]; then echo "runnerSha=$(sha256sum < "$D/${RUNNER_RELATIVE_PATH}" | cut -d' ' -f1)"; fi
if [ -f ${shellQuote(unitPath(serviceName))} ]; then echo "unitSha=$(sha256sum < ${shellQuote(unitPath(serviceName))} | cut -d' ' -f1)"; fi
P="$D"; while [ ! -d "$P" ]; do P=$(dirname "$P"); done
echo "diskPath=$P"
echo "diskFreeKb=$(df -Pk "$P" | awk 'NR==2 {print $4}')"
`;
}

function fields(stdout: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const index = line.indexOf("=");
    if (index > 0) map.set(line.slice(0, index), line.slice(index + 1).trim());
  }
  return map;
}

const optional = (value: string | undefined): string | undefined => (value === undefined || value === "" ? undefined : value);

/** agentId and listen address of an installed agent.yaml (agent defaults where it says nothing). */
function listenOf(configB64: string | undefined): { agentId: string | undefined; listenHost: string; listenPort: number } {
  let config: { agentId?: unknown; listen?: { host?: unknown; port?: unknown } } = {};
  try {
    config = (parse(Buffer.from(configB64 ?? "", "base64").toString("utf8")) ?? {}) as typeof config;
  } catch {
    // Not YAML: fall back to the agent's defaults.
  }
  return {
    agentId: typeof config.agentId === "string" ? config.agentId : undefined,
    listenHost: typeof config.listen?.host === "string" ? config.listen.host : "127.0.0.1",
    listenPort: typeof config.listen?.port === "number" ? config.listen.port : 8765,
  };
}

function parseRelease(values: Map<string, string>): InstalledRelease | undefined {
  const name = optional(values.get("current"));
  if (name === undefined) return undefined;
  let release: { version?: unknown; bundleSha256?: unknown } = {};
  try {
    release = JSON.parse(values.get("release") ?? "{}") as typeof release;
  } catch {
    // A release.json that does not parse: treat the release as unknown (it will be replaced).
  }
  return {
    name,
    version: typeof release.version === "string" ? release.version : undefined,
    bundleSha256: typeof release.bundleSha256 === "string" ? release.bundleSha256 : undefined,
    configSha256: optional(values.get("configSha")),
    tokenSha256: optional(values.get("tokenSha")),
    ...listenOf(values.get("configB64")),
  };
}

export function parseProbe(host: string, stdout: string): HostState {
  const values = fields(stdout);
  const diskFreeKb = Number(values.get("diskFreeKb"));
  const user = values.get("user");
  if (user === undefined || !Number.isFinite(diskFreeKb)) {
    throw new DeployError(DeployErrorCode.remoteCommandFailed, `The probe of ${host} gave no usable answer (is the login shell POSIX?): ${stdout.slice(0, 200)}`, {
      context: { host, step: "probe" },
    });
  }
  const [nodeVersion, platform] = (values.get("nodeInfo") ?? "").split(" ");
  return {
    user,
    nodePath: optional(values.get("node")),
    nodeVersion: optional(nodeVersion),
    platform: optional(platform),
    systemd: values.get("systemd") === "yes",
    current: parseRelease(values),
    bundleUploaded: values.get("bundle") === "yes",
    runnerSha256: optional(values.get("runnerSha")),
    unitSha256: optional(values.get("unitSha")),
    diskPath: values.get("diskPath") ?? "/",
    diskFreeBytes: diskFreeKb * 1024,
  };
}

export async function probeHost(ops: RemoteOps, installDir: string, node: string, bundleSha256: string, serviceName: string): Promise<HostState> {
  const result = await ops.run("probe", probeScript(installDir, node, bundleSha256, serviceName), { timeoutS: 60 });
  return parseProbe(ops.host, result.stdout);
}
