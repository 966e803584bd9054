/**
 * Undo a release that failed after `current` or the service definition changed: put back the
 * previous definition and `current`, restart the previous agent and check that it answers — or,
 * when nothing was installed before, stop the agent and remove `current`. The failed release
 * folder is removed either way, so no half-installed agent is left behind.
 */
import type { Clock } from "../../common/clock.js";
import { isTestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import { DeployError, DeployErrorCode, detailOf } from "../errors.js";
import type { HostTarget } from "../inventory/host-target.js";
import type { RemoteOps } from "../remote/remote-ops.js";
import type { ServiceManager } from "../service/service-manager.js";
import { removeRelease } from "../steps/install-release.js";
import type { InstalledRelease } from "../steps/probe.js";
import { switchCurrent } from "../steps/switch-current.js";
import { verifyAgent } from "../steps/verify.js";
import { sha256 } from "./plan-host.js";

export interface RollbackInput {
  readonly target: HostTarget;
  readonly ops: RemoteOps;
  readonly manager: ServiceManager;
  readonly previous: InstalledRelease | undefined;
  /** The release this deploy installed (removed), if it installed one. */
  readonly failedRelease: string | undefined;
  readonly definitionWritten: boolean;
  readonly definitionExisted: boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
}

/** Returns a sentence for the result table; throws DEPLOY_ROLLBACK_FAILED when the host is left in doubt. */
export async function rollBack(input: RollbackInput): Promise<string> {
  const { target, ops, manager, previous } = input;
  try {
    if (previous === undefined) {
      await manager.stop(ops);
      await switchCurrent(ops, target.installDir, undefined);
      if (input.definitionWritten) await manager.restoreDefinition(ops, input.definitionExisted);
      if (input.failedRelease !== undefined) await removeRelease(ops, target.installDir, input.failedRelease);
      return "rolled back: nothing was installed before, so no agent runs now";
    }
    if (input.definitionWritten) await manager.restoreDefinition(ops, input.definitionExisted);
    await switchCurrent(ops, target.installDir, previous.name);
    await manager.restart(ops);
    if (input.failedRelease !== undefined) await removeRelease(ops, target.installDir, input.failedRelease);
    return `rolled back to ${previous.name}, which ${await checkPrevious(input, previous)}`;
  } catch (error) {
    throw new DeployError(DeployErrorCode.rollbackFailed, `Rollback on ${target.name} failed (${detailOf(error)}); check the host: \`testbench deploy status\``, {
      context: { host: target.name, step: "rollback", previous: previous?.name ?? null },
      cause: error,
    });
  }
}

/** Verify the restored agent; one whose token was changed by this deploy answers 401, which shows it is up. */
async function checkPrevious(input: RollbackInput, previous: InstalledRelease): Promise<string> {
  const sameToken = previous.tokenSha256 === sha256(`${input.target.token}\n`);
  try {
    await verifyAgent({
      shell: input.ops.shell,
      listenHost: previous.listenHost,
      listenPort: previous.listenPort,
      token: input.target.token,
      expectedAgentId: previous.agentId ?? input.target.agentId,
      expectedVersion: previous.version ?? "",
      timeoutS: input.target.verifyTimeoutS,
      clock: input.clock,
      logger: input.logger,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    return "answers again";
  } catch (error) {
    const refused = isTestbenchError(error) && isTestbenchError(error.cause) && error.cause.code === "AGENT_AUTH_REFUSED";
    if (refused && !sameToken) return "answers again (with its previous token)";
    throw error;
  }
}
