/** A campaign's runs: every experiment (sweeps expanded) x replication, each with its derived seed. */
import { formatDeviceSpec } from "../../common/devices/index.js";
import type { CampaignDefinition, ExperimentDefinition, FailoverSettings, LbsimSettings } from "../campaign/model.js";
import { deriveSeed } from "../campaign/seeds.js";
import type { NewRun } from "../store/index.js";

/** What a run stores as its parameters, and all a worker needs to execute it. */
export interface ThroughputParameters {
  readonly testbed: string;
  readonly algorithm: "mlr" | "rfc2544" | "plr";
  readonly preset: string;
  readonly options: Readonly<Record<string, number | boolean | string>>;
  /** The device spec with the run's seed applied (null for a testbed of real agents). */
  readonly device: string | null;
  readonly sweep: { readonly parameter: string; readonly value: number | boolean | string } | null;
  /** kind failover: the experiment's settings (sweep value applied); absent otherwise. */
  readonly failover?: FailoverSettings;
}

/** What an lbsim run stores as its parameters: the implicit CPU slot and the experiment's settings. */
export interface LbsimParameters {
  readonly testbed: string;
  readonly sweep: null;
  readonly lbsim: LbsimSettings;
}

export function runParameters(experiment: ExperimentDefinition, seed: number): ThroughputParameters | LbsimParameters {
  if (experiment.kind === "lbsim" && experiment.lbsim !== undefined) return { testbed: experiment.testbed, sweep: null, lbsim: experiment.lbsim };
  return {
    testbed: experiment.testbed,
    algorithm: experiment.algorithm,
    preset: experiment.preset,
    options: experiment.options,
    device: experiment.device ? formatDeviceSpec({ ...experiment.device, seed }) : null,
    sweep: experiment.sweepPoint,
    ...(experiment.failover !== null && { failover: experiment.failover }),
  };
}

export function planRuns(campaign: CampaignDefinition): NewRun[] {
  return campaign.experiments.flatMap((experiment) =>
    Array.from({ length: experiment.replications }, (_, index) => {
      const replication = index + 1;
      const seed = deriveSeed(campaign.seed, experiment.key, replication);
      return { experimentKey: experiment.key, replication, seed, kind: experiment.kind, parameters: runParameters(experiment, seed) };
    }),
  );
}
