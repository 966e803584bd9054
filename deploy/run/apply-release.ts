/**
 * Apply a plan that changes something: upload, install the release, then — the part that can be
 * undone — write the service definition, switch `current`, restart and verify. A failure before
 * the switch leaves the running agent alone; a failure after it rolls back.
 */
import type { Clock } from "../../common/clock.js";
import type { Logger } from "../../common/logger.js";
import type { Bundle } from "../bundle/build-bundle.js";
import { DeployError, detailOf } from "../errors.js";
import type { HostTarget } from "../inventory/host-target.js";
import type { RemoteOps } from "../remote/remote-ops.js";
import type { ServiceManager } from "../service/service-manager.js";
import { installRelease, prepareInstallDir, releaseName, removeRelease } from "../steps/install-release.js";
import type { HostState } from "../steps/probe.js";
import { pruneReleases } from "../steps/prune.js";
import { switchCurrent } from "../steps/switch-current.js";
import { uploadBundle } from "../steps/upload.js";
import { verifyAgent } from "../steps/verify.js";
import type { HostPlan } from "./plan-host.js";
import { rollBack } from "./rollback.js";

export interface ApplyInput {
  readonly target: HostTarget;
  readonly bundle: Bundle;
  readonly state: HostState;
  readonly plan: HostPlan;
  readonly ops: RemoteOps;
  readonly manager: ServiceManager;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
}

export type ApplyOutcome =
  | { readonly ok: true; readonly release: string; readonly done: readonly string[] }
  | { readonly ok: false; readonly release: string | undefined; readonly error: Error; readonly rollback: string; readonly rolledBack: boolean; readonly done: readonly string[] };

export async function applyRelease(input: ApplyInput): Promise<ApplyOutcome> {
  const { target, bundle, state, plan, ops, manager } = input;
  const done: string[] = [];
  const previous = state.current;
  const owner = target.sudo ? target.serviceUser : undefined;
  await prepareInstallDir(ops, target.installDir, owner);
  if (plan.upload) {
    await uploadBundle(ops, target.installDir, bundle);
    done.push(`uploaded bundle ${bundle.sha256.slice(0, 12)}`);
  }
  let release = previous?.name ?? "";
  if (plan.install) {
    release = releaseName(bundle, input.clock.wallMs());
    try {
      await installRelease(ops, target.installDir, bundle, release, { agentYaml: target.agentYaml, token: target.token }, owner);
    } catch (error) {
      await removeRelease(ops, target.installDir, release).catch(() => undefined);
      const kept = previous === undefined ? "nothing was running before" : `${previous.name} keeps running`;
      return { ok: false, release: previous?.name, error: error as Error, rollback: `install failed before the switch; ${kept}`, rolledBack: false, done };
    }
    done.push(`installed ${release}`);
  }
  let definitionWritten = false;
  try {
    if (plan.writeDefinition) {
      await manager.installDefinition(ops);
      definitionWritten = true;
      done.push(`wrote ${manager.definitionPath}`);
    }
    if (plan.install) await switchCurrent(ops, target.installDir, release);
    await manager.restart(ops);
    done.push(`restarted (${manager.kind})`);
    await verifyAgent({
      shell: ops.shell,
      listenHost: target.listenHost,
      listenPort: target.listenPort,
      token: target.token,
      expectedAgentId: target.agentId,
      expectedVersion: bundle.version,
      timeoutS: target.verifyTimeoutS,
      clock: input.clock,
      logger: input.logger,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    done.push("verified");
  } catch (error) {
    // Cancelled (Ctrl-C) after the switch: roll back anyway, with commands that ignore the cancel.
    const cancelled = input.signal?.aborted === true;
    input.logger.warn({ err: error, cancelled }, "deploy failed after the switch; rolling back");
    const rollbackInput = {
      target,
      ops: cancelled ? ops.withoutCancel() : ops,
      manager,
      previous,
      failedRelease: plan.install ? release : undefined,
      definitionWritten,
      definitionExisted: plan.definitionExisted,
      clock: input.clock,
      logger: input.logger,
      ...(input.signal && !cancelled ? { signal: input.signal } : {}),
    };
    try {
      const rollback = await rollBack(rollbackInput);
      return { ok: false, release: previous?.name, error: error as Error, rollback, rolledBack: true, done };
    } catch (rollbackError) {
      return { ok: false, release: undefined, error: error as Error, rollback: (rollbackError as DeployError).message, rolledBack: false, done };
    }
  }
  if (plan.install) {
    const protect = [release, ...(previous === undefined ? [] : [previous.name])];
    const pruned = await pruneReleases(ops, target.installDir, target.keepReleases, protect).catch((error: unknown) => [`pruning failed: ${detailOf(error)}`]);
    done.push(...pruned);
  }
  return { ok: true, release, done };
}
