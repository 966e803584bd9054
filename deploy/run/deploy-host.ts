/**
 * Deploy to one host: connect, probe, check, plan, then apply (or only print the plan). Never
 * throws: every failure becomes the host's result row, so one host never stops the others.
 */
import type { Clock } from "../../common/clock.js";
import { TestbenchError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import type { Bundle } from "../bundle/build-bundle.js";
import { DeployErrorCode, detailOf } from "../errors.js";
import type { HostTarget } from "../inventory/host-target.js";
import { serviceManager, type ServiceManager } from "../service/service-manager.js";
import { checkDisk, checkNode, checkSudo } from "../steps/preflight.js";
import { probeHost, type HostState } from "../steps/probe.js";
import { verifyAgent } from "../steps/verify.js";
import { applyRelease } from "./apply-release.js";
import type { HostOutcome, HostResult } from "./host-result.js";
import { openHost, type OpenHost } from "./open-host.js";
import { planHost, resolveServiceKind } from "./plan-host.js";

export interface DeployRun {
  readonly bundle: Bundle;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly dryRun: boolean;
  /** How to reach a host (default: SSH per the inventory); tests pass fakes. */
  readonly connect?: (target: HostTarget, logger: Logger) => Promise<OpenHost>;
}

export function asTestbenchError(error: unknown): TestbenchError {
  if (error instanceof TestbenchError) return error;
  if (error instanceof Error && error.name === "AbortError") return new TestbenchError(DeployErrorCode.cancelled, `cancelled: ${error.message}`, { cause: error });
  return new TestbenchError("DEPLOY_INTERNAL", detailOf(error), { cause: error });
}

/** Connect, check sudo, probe, check node and platform, pick the service manager. */
export async function inspectHost(target: HostTarget, open: OpenHost, bundleSha256: string, bundlePlatform: string): Promise<{ state: HostState; manager: ServiceManager }> {
  if (target.sudo) await checkSudo(open.ops);
  const state = await probeHost(open.ops, target.installDir, target.node, bundleSha256, target.serviceName);
  const nodePath = checkNode(target.name, state, target.node, bundlePlatform);
  const kind = resolveServiceKind(target.name, target.service, state.systemd);
  return { state, manager: serviceManager(kind, { installDir: target.installDir, serviceName: target.serviceName, serviceUser: target.serviceUser, nodePath }) };
}

export async function deployHost(target: HostTarget, run: DeployRun): Promise<HostResult> {
  const { bundle, clock } = run;
  const logger = run.logger.child({ host: target.name });
  const startedS = clock.monotonicS();
  const row = (outcome: HostOutcome, fields: Partial<HostResult>): HostResult => ({
    host: target.name,
    outcome,
    release: undefined,
    previous: undefined,
    detail: "",
    lines: [],
    error: undefined,
    ...fields,
    durationS: clock.monotonicS() - startedS,
  });
  let open: OpenHost | undefined;
  let previous: string | undefined;
  try {
    open = await (run.connect ?? ((host, hostLogger) => openHost(host, clock, hostLogger, run.signal)))(target, logger);
    const { state, manager } = await inspectHost(target, open, bundle.sha256, bundle.platform);
    previous = state.current?.name;
    const plan = planHost(target, bundle, state, manager);
    checkDisk(target.name, state, plan.neededBytes);
    if (run.dryRun) {
      const detail = plan.unchanged ? "no change planned" : `${plan.steps.length} step(s) planned`;
      return row("planned", { release: previous, previous, detail, lines: plan.steps });
    }
    const verify = (): Promise<unknown> =>
      verifyAgent({
        shell: open!.shell,
        listenHost: target.listenHost,
        listenPort: target.listenPort,
        token: target.token,
        expectedAgentId: target.agentId,
        expectedVersion: bundle.version,
        timeoutS: target.verifyTimeoutS,
        clock,
        logger,
        ...(run.signal ? { signal: run.signal } : {}),
      });
    if (plan.unchanged) {
      const status = await manager.status(open.ops);
      if (!status.running) await manager.restart(open.ops);
      await verify();
      const outcome = status.running ? "unchanged" : "started";
      const detail = status.running ? `unchanged: ${previous} is current and answers` : `${previous} was current but not running; started, answers`;
      return row(outcome, { release: previous, previous, detail, lines: status.running ? ["verified"] : ["started", "verified"] });
    }
    const applied = await applyRelease({ target, bundle, state, plan, ops: open.ops, manager, clock, logger, ...(run.signal ? { signal: run.signal } : {}) });
    if (applied.ok) {
      const outcome = previous === undefined ? "installed" : "updated";
      const detail = `${previous ?? "nothing"} -> ${applied.release}; ${target.agentId} ${bundle.version} answers on ${target.listenHost}:${target.listenPort}`;
      return row(outcome, { release: applied.release, previous, detail, lines: applied.done });
    }
    const error = asTestbenchError(applied.error);
    const outcome = applied.rolledBack ? "rolled-back" : "failed";
    return row(outcome, { release: applied.release, previous, detail: `${error.message}; ${applied.rollback}`, lines: applied.done, error });
  } catch (error) {
    const failure = asTestbenchError(error);
    logger.warn({ code: failure.code, step: failure.context["step"] }, "deploy failed on this host");
    return row("failed", { release: previous, previous, detail: failure.message, error: failure });
  } finally {
    await open?.shell.close().catch(() => undefined);
  }
}
