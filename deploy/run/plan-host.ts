/** What a deploy would change on a host, from the probe and the desired state (pure). */
import { createHash } from "node:crypto";
import type { Bundle } from "../bundle/build-bundle.js";
import { DeployError, DeployErrorCode } from "../errors.js";
import type { HostTarget, ServiceKind } from "../inventory/host-target.js";
import type { ServiceManager, ServiceManagerKind } from "../service/service-manager.js";
import type { HostState } from "../steps/probe.js";

export interface HostPlan {
  readonly upload: boolean;
  /** A new release is needed (bundle, agent.yaml or token differ from current). */
  readonly install: boolean;
  readonly writeDefinition: boolean;
  /** A definition file was there before (rollback restores it). */
  readonly definitionExisted: boolean;
  readonly unchanged: boolean;
  /** Disk the plan needs on the host. */
  readonly neededBytes: number;
  readonly steps: readonly string[];
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function resolveServiceKind(host: string, wanted: ServiceKind, systemd: boolean): ServiceManagerKind {
  if (wanted === "runner") return "runner";
  if (wanted === "systemd" && !systemd) {
    throw new DeployError(DeployErrorCode.unsupported, `${host} does not run systemd (no /run/systemd/system or systemctl); set service: runner or auto`, {
      context: { host, step: "preflight" },
    });
  }
  return systemd ? "systemd" : "runner";
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function planHost(target: HostTarget, bundle: Bundle, state: HostState, manager: ServiceManager): HostPlan {
  const current = state.current;
  const install =
    current === undefined ||
    current.bundleSha256 !== bundle.sha256 ||
    current.configSha256 !== sha256(target.agentYaml) ||
    current.tokenSha256 !== sha256(`${target.token}\n`);
  const upload = install && !state.bundleUploaded;
  const existing = manager.kind === "systemd" ? state.unitSha256 : state.runnerSha256;
  const writeDefinition = existing !== sha256(manager.definition);
  const steps: string[] = [];
  if (upload) steps.push(`upload bundle ${bundle.sha256.slice(0, 12)} (${mib(bundle.sizeBytes)}) to ${target.installDir}/bundles`);
  else if (install) steps.push(`bundle ${bundle.sha256.slice(0, 12)} is already on the host`);
  if (install) steps.push(`install a new release of ${bundle.version} under ${target.installDir}/releases (agent.yaml and agent.token, mode 0600)`);
  if (writeDefinition) steps.push(`${existing === undefined ? "write" : "update"} ${manager.definitionPath} (${manager.kind})`);
  if (install) steps.push(`switch ${target.installDir}/current from ${current?.name ?? "nothing"} to the new release`);
  if (install || writeDefinition) steps.push(`restart the agent (${manager.kind})`);
  else steps.push(`nothing to change: release ${current?.name ?? "?"} is current; start the agent if it is not running`);
  steps.push(`verify: hello from ${target.agentId} ${bundle.version} on ${target.listenHost}:${target.listenPort} through an SSH tunnel`);
  if (install) steps.push(`keep the newest ${target.keepReleases} release(s); roll back to ${current?.name ?? "nothing"} if anything fails`);
  return {
    upload,
    install,
    writeDefinition,
    definitionExisted: existing !== undefined,
    unchanged: !install && !writeDefinition,
    neededBytes: (upload ? bundle.sizeBytes : 0) + (install ? bundle.unpackedBytes : 0),
    steps,
  };
}
