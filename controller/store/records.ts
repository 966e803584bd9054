/** The records the store keeps, as the rest of the controller sees them (docs/store.md). */
import type { TrialResult } from "../search/measurer.js";
import type { JsonValue } from "./values.js";

export const CAMPAIGN_STATUSES = ["running", "interrupted", "completed", "failed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const RUN_STATUSES = ["pending", "running", "succeeded", "failed", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_KINDS = ["throughput", "soak", "failover", "lbsim"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export interface NewCampaign {
  readonly name: string;
  /** Absolute path of the campaign file. */
  readonly sourcePath: string;
  /** Hash of the campaign file's bytes (e.g. sha256 hex), to tell an edited file on resume. */
  readonly fileHash: string;
}

export interface CampaignRecord extends NewCampaign {
  readonly id: number;
  readonly status: CampaignStatus;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

export interface NewRun {
  /** Experiment key, unique within the campaign, e.g. "throughput/hard-10M". */
  readonly experimentKey: string;
  /** Replication index (0-based or 1-based, as the orchestrator numbers them), >= 0. */
  readonly replication: number;
  /** The seed derived for this experiment x replication (a safe integer). */
  readonly seed: number;
  readonly kind: RunKind;
  /** The run's resolved parameters; stored as JSON. */
  readonly parameters: unknown;
}

export interface RunRecord {
  readonly id: number;
  readonly campaignId: number;
  readonly experimentKey: string;
  readonly replication: number;
  readonly seed: number;
  readonly kind: RunKind;
  readonly parameters: JsonValue;
  /** The testbed of the latest attempt; null before the first start. */
  readonly testbed: string | null;
  readonly status: RunStatus;
  /** How many times the run was started (resumes count). */
  readonly attempts: number;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Wall time the latest attempt started. */
  readonly startedAtMs: number | null;
  readonly endedAtMs: number | null;
}

export interface NewTrial {
  /** 1-based, in measurement order; must follow the run's last stored trial. */
  readonly index: number;
  readonly warmup: boolean;
  /** The request is result.durationS and result.loadPps (a measurer answers exactly what was asked). */
  readonly result: TrialResult;
  readonly startedAtMs?: number;
  readonly endedAtMs?: number;
  /** Per-direction counters as the agent reported them. */
  readonly directions?: unknown;
  /** Power readings taken during the trial. */
  readonly power?: unknown;
}

export interface StoredTrial {
  readonly runId: number;
  readonly index: number;
  readonly warmup: boolean;
  readonly result: TrialResult;
  readonly startedAtMs: number | null;
  readonly endedAtMs: number | null;
  readonly directions: JsonValue | null;
  readonly power: JsonValue | null;
}

/** One goal of a throughput search (MLRsearch or RFC 2544). */
export interface GoalResultInput {
  readonly kind: "goal";
  readonly goalName: string;
  readonly lossRatio: number;
  readonly conditionalThroughputPps: number | null;
  readonly relevantLowerBoundPps: number | null;
  readonly relevantUpperBoundPps: number | null;
  readonly regular: boolean;
  /** Anything else worth keeping (duration sums, ...); stored as JSON. */
  readonly extra?: unknown;
}

/** The estimate of a soak search (PLRsearch). */
export interface SoakResultInput {
  readonly kind: "soak";
  readonly goalName: string;
  /** The packet loss ratio target. */
  readonly lossRatio: number;
  readonly averagePps: number;
  readonly stdevPps: number;
  readonly extra?: unknown;
}

export type NewResult = GoalResultInput | SoakResultInput;

export type StoredResult =
  | (Omit<GoalResultInput, "extra"> & { readonly runId: number; readonly extra: JsonValue | null })
  | (Omit<SoakResultInput, "extra"> & { readonly runId: number; readonly extra: JsonValue | null });

export interface NewEvent {
  /** Nanoseconds on the controller's time axis (Unix epoch). */
  readonly atNs: bigint;
  /** Who saw it: an agent id, or "controller". */
  readonly source: string;
  readonly kind: string;
  readonly payload: unknown;
}

export interface StoredEvent extends Omit<NewEvent, "payload"> {
  readonly id: number;
  readonly runId: number;
  readonly payload: JsonValue;
}

export interface NewSample {
  /** e.g. "power:fpga0", "iperf:client0". */
  readonly stream: string;
  readonly atNs: bigint;
  /** A single reading; give this, `values`, or both. */
  readonly value?: number;
  readonly values?: unknown;
}

export interface StoredSample {
  readonly id: number;
  readonly runId: number;
  readonly stream: string;
  readonly atNs: bigint;
  readonly value: number | null;
  readonly values: JsonValue | null;
}
