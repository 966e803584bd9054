/**
 * Read a campaign from the store into the report's data model: every run with its trials, its
 * results (goals and soak estimates) and, for soak runs, the estimate after each trial.
 */
import type { Clock } from "../../common/clock.js";
import { lossRatio } from "../search/measurer.js";
import { resolveCampaign, type CampaignRef, type JsonValue, type Store, type StoredSample } from "../store/index.js";
import type { CampaignReportData, ReportGoal, ReportRun, ReportSoak, SoakEstimatePoint } from "./model.js";
import { lbsimRunOfResult } from "../orchestrator/lbsim-records.js";
import type { LbsimRun } from "../lbsim/index.js";
import { storedFailoverAnalysis } from "./failover-runs.js";
import { storedTrialPower } from "./trial-power.js";
import { experimentIdentity } from "./sweep-point.js";

/** The sample stream a soak run stores its per-trial estimates on (docs/report.md). */
export const SOAK_ESTIMATE_STREAM = "plr:estimate";

export interface LoadReportOptions {
  /** Stamps `generatedAtMs`; without it the report carries no generation time. */
  readonly clock?: Clock;
}

function numberField(values: StoredSample["values"], ...names: string[]): number | undefined {
  if (typeof values !== "object" || values === null || Array.isArray(values)) return undefined;
  const record = values as { readonly [key: string]: JsonValue };
  for (const name of names) {
    const value = record[name];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return undefined;
}

/**
 * A stored estimate sample: `values` {avgPps, stdevPps, trialNumber?} (or `value` as the average).
 * Samples without an average and a stdev are skipped; without a trial number, the order counts.
 */
export function soakEstimatesOf(samples: readonly StoredSample[]): SoakEstimatePoint[] {
  const points: SoakEstimatePoint[] = [];
  samples.forEach((sample, index) => {
    const averagePps = numberField(sample.values, "avgPps", "averagePps") ?? (sample.value !== null && Number.isFinite(sample.value) ? sample.value : undefined);
    const stdevPps = numberField(sample.values, "stdevPps");
    const trialNumber = numberField(sample.values, "trialNumber", "trial") ?? index + 1;
    if (averagePps !== undefined && stdevPps !== undefined) points.push({ trialNumber, averagePps, stdevPps: Math.abs(stdevPps) });
  });
  return points.sort((a, b) => a.trialNumber - b.trialNumber);
}

function resultsOf(store: Store, runId: number): { goals: ReportGoal[]; soaks: ReportSoak[] } {
  const goals: ReportGoal[] = [];
  const soaks: ReportSoak[] = [];
  for (const result of store.resultsOf(runId)) {
    if (result.kind === "goal") {
      const { goalName: name, lossRatio: ratio, conditionalThroughputPps, relevantLowerBoundPps, relevantUpperBoundPps, regular } = result;
      goals.push({ name, lossRatio: ratio, conditionalThroughputPps, relevantLowerBoundPps, relevantUpperBoundPps, regular });
    } else {
      soaks.push({ name: result.goalName, lossRatio: result.lossRatio, averagePps: result.averagePps, stdevPps: result.stdevPps });
    }
  }
  return { goals, soaks };
}

export function loadCampaignReport(store: Store, campaignRef: CampaignRef, options: LoadReportOptions = {}): CampaignReportData {
  const campaign = resolveCampaign(store, campaignRef);
  const runs: ReportRun[] = store.runsOf(campaign.id).map((run) => {
    const { name: experimentName, sweep } = experimentIdentity(run.experimentKey, run.parameters);
    const trials = store.trialsOf(run.id).map((trial) => {
      const power = storedTrialPower(trial.power);
      return {
        index: trial.index,
        warmup: trial.warmup,
        durationS: trial.result.durationS,
        loadPps: trial.result.loadPps,
        lossRatio: lossRatio(trial.result),
        ...(power !== undefined && { power }),
      };
    });
    const lbsim = run.kind === "lbsim" ? { lbsim: store.resultsOf(run.id).flatMap((result): LbsimRun[] => { const stored = lbsimRunOfResult(result.extra); return stored === undefined ? [] : [stored]; }) } : {};
    const { goals, soaks } = run.kind === "lbsim" ? { goals: [], soaks: [] } : resultsOf(store, run.id);
    const soakEstimates = run.kind === "soak" ? soakEstimatesOf(store.samplesOf(run.id, SOAK_ESTIMATE_STREAM)) : [];
    const { id, experimentKey, replication, seed, kind, status, testbed, attempts, errorCode, errorMessage, startedAtMs, endedAtMs } = run;
    const failover = run.kind === "failover" ? { failover: storedFailoverAnalysis(store, run.id) } : {};
    return { id, experimentKey, experimentName, sweep, replication, seed, kind, status, testbed, attempts, errorCode, errorMessage, startedAtMs, endedAtMs, trials, goals, soaks, soakEstimates, ...failover, ...lbsim };
  });
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      sourcePath: campaign.sourcePath,
      storeFile: store.file,
      status: campaign.status,
      createdAtMs: campaign.createdAtMs,
      updatedAtMs: campaign.updatedAtMs,
    },
    runs,
    generatedAtMs: options.clock === undefined ? null : options.clock.wallMs(),
  };
}
