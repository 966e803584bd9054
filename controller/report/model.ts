/**
 * The report's data model: plain, JSON-like data loaded from the store (load-report-data.ts) and
 * rendered by pure functions (renderCampaignReport). Tests build it by hand.
 */
import type { RunAnalysis } from "../analysis/failover/index.js";
import type { LbsimRun } from "../lbsim/index.js";
import type { CampaignStatus, RunKind, RunStatus } from "../store/index.js";

export type SweepValue = number | string | boolean;

/** The parameter a sweep varied and this experiment's value of it. */
export interface SweepPoint {
  readonly parameter: string;
  readonly value: SweepValue;
}

export interface ReportCampaign {
  readonly id: number;
  readonly name: string;
  /** The campaign file (absolute path). */
  readonly sourcePath: string;
  /** The store the report was read from. */
  readonly storeFile: string;
  readonly status: CampaignStatus;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

export interface ReportTrial {
  /** 1-based, in measurement order. */
  readonly index: number;
  readonly warmup: boolean;
  readonly durationS: number;
  readonly loadPps: number;
  /** As the search computes it (unsent packets and negative loss count as loss). */
  readonly lossRatio: number;
  /** Mean power per device over the trial, W (devices whose meter gave no reading are left out); absent without meters. */
  readonly power?: Readonly<Record<string, number>>;
}

/** One goal of a throughput search (MLRsearch, or RFC 2544 as one goal). */
export interface ReportGoal {
  readonly name: string;
  readonly lossRatio: number;
  readonly conditionalThroughputPps: number | null;
  readonly relevantLowerBoundPps: number | null;
  readonly relevantUpperBoundPps: number | null;
  readonly regular: boolean;
}

/** The final estimate of a soak search (PLRsearch). */
export interface ReportSoak {
  readonly name: string;
  /** The packet loss ratio target. */
  readonly lossRatio: number;
  readonly averagePps: number;
  readonly stdevPps: number;
}

/** The soak estimate after a trial (stored as samples on the `plr:estimate` stream). */
export interface SoakEstimatePoint {
  readonly trialNumber: number;
  readonly averagePps: number;
  readonly stdevPps: number;
}

export interface ReportRun {
  readonly id: number;
  readonly experimentKey: string;
  /** The experiment's name without its sweep point (the key of a sweep variant is `name[parameter=value]`). */
  readonly experimentName: string;
  readonly sweep: SweepPoint | null;
  readonly replication: number;
  readonly seed: number;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly testbed: string | null;
  readonly attempts: number;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly startedAtMs: number | null;
  readonly endedAtMs: number | null;
  readonly trials: readonly ReportTrial[];
  readonly goals: readonly ReportGoal[];
  readonly soaks: readonly ReportSoak[];
  readonly soakEstimates: readonly SoakEstimatePoint[];
  /** A failover run's analysis (rebuilt from its stored events and samples); absent for other kinds. */
  readonly failover?: RunAnalysis | null;
  /** An lbsim run's per-algorithm metrics (from its stored result rows); absent for other kinds. */
  readonly lbsim?: readonly LbsimRun[];
}

export interface CampaignReportData {
  readonly campaign: ReportCampaign;
  /** In the order they were added to the campaign. */
  readonly runs: readonly ReportRun[];
  /** When the report was made; null leaves the time out (reproducible output). */
  readonly generatedAtMs: number | null;
}
