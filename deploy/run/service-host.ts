/** `deploy status|stop|logs`: the service side of each host, without a bundle. */
import type { Clock } from "../../common/clock.js";
import type { Logger } from "../../common/logger.js";
import type { HostTarget } from "../inventory/host-target.js";
import { serviceManager, type ServiceManager } from "../service/service-manager.js";
import { checkSudo } from "../steps/preflight.js";
import { probeHost, type HostState } from "../steps/probe.js";
import { verifyAgent } from "../steps/verify.js";
import { asTestbenchError } from "./deploy-host.js";
import type { HostOutcome, HostResult } from "./host-result.js";
import { openHost, type OpenHost } from "./open-host.js";
import { resolveServiceKind } from "./plan-host.js";

export type ServiceAction = { readonly kind: "status" } | { readonly kind: "stop" } | { readonly kind: "logs"; readonly lines: number };

export interface ServiceRun {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
}

async function inspect(target: HostTarget, open: OpenHost): Promise<{ state: HostState; manager: ServiceManager }> {
  if (target.sudo) await checkSudo(open.ops);
  const state = await probeHost(open.ops, target.installDir, target.node, "none", target.serviceName);
  const kind = resolveServiceKind(target.name, target.service, state.systemd);
  const nodePath = state.nodePath ?? target.node;
  return { state, manager: serviceManager(kind, { installDir: target.installDir, serviceName: target.serviceName, serviceUser: target.serviceUser, nodePath }) };
}

export async function serviceHost(target: HostTarget, action: ServiceAction, run: ServiceRun): Promise<HostResult> {
  const logger = run.logger.child({ host: target.name });
  const startedS = run.clock.monotonicS();
  let release: string | undefined;
  const row = (outcome: HostOutcome, fields: Partial<HostResult>): HostResult => ({
    host: target.name,
    outcome,
    release,
    previous: undefined,
    detail: "",
    lines: [],
    error: undefined,
    ...fields,
    durationS: run.clock.monotonicS() - startedS,
  });
  let open: OpenHost | undefined;
  try {
    open = await openHost(target, run.clock, logger, run.signal);
    const { state, manager } = await inspect(target, open);
    release = state.current?.name;
    if (action.kind === "stop") {
      await manager.stop(open.ops);
      return row("stopped", { detail: `stopped (${manager.kind})` });
    }
    if (action.kind === "logs") {
      const text = await manager.logs(open.ops, action.lines);
      const lines = text.split("\n").filter((line) => line !== "");
      return row(state.current === undefined ? "not-running" : "running", { detail: `${lines.length} log line(s) (${manager.kind})`, lines });
    }
    const status = await manager.status(open.ops);
    if (!status.running) return row("not-running", { detail: `${manager.kind}: ${status.detail || "not running"}${release === undefined ? "; nothing installed" : ""}` });
    const hello = await verifyAgent({
      shell: open.shell,
      listenHost: target.listenHost,
      listenPort: target.listenPort,
      token: target.token,
      expectedAgentId: target.agentId,
      expectedVersion: state.current?.version ?? "",
      timeoutS: Math.min(target.verifyTimeoutS, 10),
      clock: run.clock,
      logger,
      ...(run.signal ? { signal: run.signal } : {}),
    });
    return row("running", { previous: hello.softwareVersion, detail: `${hello.agentId} ${hello.softwareVersion} answers on ${target.listenHost}:${target.listenPort} (${manager.kind}: ${status.detail})` });
  } catch (error) {
    const failure = asTestbenchError(error);
    return row("failed", { detail: failure.message, error: failure });
  } finally {
    await open?.shell.close().catch(() => undefined);
  }
}
