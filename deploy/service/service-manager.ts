/**
 * How the agent runs as a service on a host: a systemd unit, or the service runner script where
 * systemd is absent. Both run <installDir>/current, so a release switch is a restart.
 */
import { DeployError, DeployErrorCode } from "../errors.js";
import type { RemoteOps } from "../remote/remote-ops.js";
import { shellQuote } from "../remote/shell-quote.js";
import { RUNNER_RELATIVE_PATH, renderRunnerScript } from "./runner-script.js";
import { renderSystemdUnit, unitPath } from "./systemd-unit.js";

export type ServiceManagerKind = "systemd" | "runner";

export interface ServiceStatus {
  readonly running: boolean;
  /** What the manager said ("running 1234", "active", "inactive", ...). */
  readonly detail: string;
}

export interface ServiceManager {
  readonly kind: ServiceManagerKind;
  /** The file that defines the service on the host, and what it should hold. */
  readonly definitionPath: string;
  readonly definition: string;
  /** Write the definition (keeping the old one as <path>.previous) and register it. */
  installDefinition(ops: RemoteOps): Promise<void>;
  /** Put the old definition back (rollback); `hadPrevious` false removes the new one. */
  restoreDefinition(ops: RemoteOps, hadPrevious: boolean): Promise<void>;
  restart(ops: RemoteOps): Promise<void>;
  stop(ops: RemoteOps): Promise<void>;
  status(ops: RemoteOps): Promise<ServiceStatus>;
  logs(ops: RemoteOps, lines: number): Promise<string>;
}

export interface ServiceTarget {
  readonly installDir: string;
  readonly serviceName: string;
  readonly serviceUser: string;
  /** Absolute path of node on the host (from the probe). */
  readonly nodePath: string;
}

function writeDefinitionScript(path: string, mode: string): string {
  const file = shellQuote(path);
  return [
    "set -e",
    `mkdir -p "$(dirname ${file})"`,
    `if [ -f ${file} ]; then cp -p ${file} ${file}.previous; else rm -f ${file}.previous; fi`,
    `umask 022; cat > ${file}.new && chmod ${mode} ${file}.new && mv -f ${file}.new ${file}`,
  ].join("\n");
}

function restoreDefinitionScript(path: string, hadPrevious: boolean): string {
  const file = shellQuote(path);
  return hadPrevious ? `set -e\nmv -f ${file}.previous ${file}` : `rm -f ${file} ${file}.previous`;
}

function runnerManager(target: ServiceTarget): ServiceManager {
  const path = `${target.installDir}/${RUNNER_RELATIVE_PATH}`;
  const runner = shellQuote(path);
  const definition = renderRunnerScript({ installDir: target.installDir, node: target.nodePath });
  return {
    kind: "runner",
    definitionPath: path,
    definition,
    installDefinition: async (ops) => void (await ops.run("install the service runner", writeDefinitionScript(path, "0755"), { stdin: definition })),
    restoreDefinition: async (ops, hadPrevious) => void (await ops.run("restore the service runner", restoreDefinitionScript(path, hadPrevious))),
    restart: async (ops) => void (await ops.run("restart the agent (service runner)", `${runner} restart`, { asServiceUser: true, timeoutS: 60 })),
    stop: async (ops) => void (await ops.run("stop the agent (service runner)", `if [ -x ${runner} ]; then ${runner} stop; else echo stopped; fi`, { asServiceUser: true, timeoutS: 60 })),
    status: async (ops) => {
      const result = await ops.tryRun("agent status (service runner)", `if [ -x ${runner} ]; then ${runner} status; else echo "not installed"; exit 3; fi`, { asServiceUser: true });
      if (result.exitCode !== 0 && result.exitCode !== 3) throw new DeployError(DeployErrorCode.serviceFailed, `Cannot read the agent's status on ${ops.host}: ${result.stderr.trim()}`, { context: { host: ops.host, step: "status" } });
      return { running: result.exitCode === 0, detail: result.stdout.trim() };
    },
    logs: async (ops, lines) => (await ops.run("read the agent's log", `if [ -x ${runner} ]; then ${runner} logs ${Math.floor(lines)}; fi`, { asServiceUser: true })).stdout,
  };
}

function systemdManager(target: ServiceTarget): ServiceManager {
  const path = unitPath(target.serviceName);
  const unit = shellQuote(`${target.serviceName}.service`);
  const definition = renderSystemdUnit({ installDir: target.installDir, node: target.nodePath, serviceUser: target.serviceUser, serviceName: target.serviceName });
  return {
    kind: "systemd",
    definitionPath: path,
    definition,
    installDefinition: async (ops) => {
      await ops.run("install the systemd unit", `${writeDefinitionScript(path, "0644")}\nsystemctl daemon-reload\nsystemctl enable ${unit} 2>&1`, { stdin: definition });
    },
    restoreDefinition: async (ops, hadPrevious) => {
      const disable = hadPrevious ? "" : `systemctl disable ${unit} 2>&1 || true\n`;
      await ops.run("restore the systemd unit", `${disable}${restoreDefinitionScript(path, hadPrevious)}\nsystemctl daemon-reload`);
    },
    restart: async (ops) => void (await ops.run("restart the agent (systemd)", `systemctl restart ${unit}`, { timeoutS: 60 })),
    stop: async (ops) => void (await ops.run("stop the agent (systemd)", `systemctl stop ${unit}`, { timeoutS: 60 })),
    status: async (ops) => {
      const result = await ops.tryRun("agent status (systemd)", `systemctl is-active ${unit}`);
      return { running: result.exitCode === 0, detail: result.stdout.trim() || result.stderr.trim() };
    },
    logs: async (ops, lines) => (await ops.run("read the agent's journal", `journalctl -u ${unit} -n ${Math.floor(lines)} --no-pager -o short-iso`)).stdout,
  };
}

export function serviceManager(kind: ServiceManagerKind, target: ServiceTarget): ServiceManager {
  return kind === "systemd" ? systemdManager(target) : runnerManager(target);
}
