/**
 * A run's FailoverPlan from the experiment's settings and the testbed's roles: what the file leaves
 * out (sessions, meters, the action's agent and name) an embedded testbed supplies.
 */
import type { FailoverSettings } from "../campaign/model.js";
import type { FailoverAnalysisOptions } from "../analysis/failover/index.js";
import { compileFailoverPlan, type FailoverPlan } from "./plan.js";

export interface TestbedRoles {
  readonly client: string;
  readonly server: string;
  readonly actionAgent: string;
  readonly target: string;
  readonly port: number;
  readonly action: string;
  readonly meters: ReadonlyArray<{ readonly agent: string; readonly meter: string }>;
}

export function planFromSettings(settings: FailoverSettings, roles: TestbedRoles | null): FailoverPlan {
  const sessions = settings.sessions ?? (roles ? [{ client: roles.client, server: roles.server, target: roles.target, port: roles.port }] : []);
  return compileFailoverPlan({
    sessions,
    meters: settings.meters ?? roles?.meters ?? [],
    action: {
      agent: settings.action?.agent ?? roles?.actionAgent ?? "",
      name: settings.action?.name ?? roles?.action ?? "",
      params: settings.action?.params ?? {},
    },
    ...(settings.iperf && { iperf: settings.iperf }),
    t1S: settings.timeline.t1S,
    t2S: settings.timeline.t2S,
  });
}

/** Analysis options of the run: the file's, with the trigger being the plan's action. */
export function analysisOptionsOf(settings: FailoverSettings, plan: FailoverPlan): Partial<FailoverAnalysisOptions> {
  return { ...(settings.analysis ?? {}), triggerEvent: plan.action.name };
}
