/**
 * The Store: the one object the orchestrator, the exports and the report use (open it with
 * openStore). Each write method is one transaction (StoreCore); status changes that go together
 * (a run's end and its results, a campaign's interruption and its runs') share one.
 */
import * as campaigns from "./campaign-table.js";
import type {
  CampaignRecord,
  CampaignStatus,
  NewCampaign,
  NewEvent,
  NewResult,
  NewRun,
  NewSample,
  NewTrial,
  RunRecord,
  StoredEvent,
  StoredResult,
  StoredSample,
  StoredTrial,
} from "./records.js";
import * as results from "./result-table.js";
import * as runs from "./run-table.js";
import { StoreCore } from "./store-core.js";
import * as timeline from "./timeline-table.js";
import * as trials from "./trial-table.js";

export interface RunError {
  readonly code: string;
  readonly message: string;
}

export class Store extends StoreCore {
  // Campaigns

  /** A new campaign (status running) with its runs (status pending), in one transaction. */
  createCampaign(input: NewCampaign, newRuns: readonly NewRun[] = []): CampaignRecord {
    return this.write("create a campaign", () => {
      const campaign = campaigns.insertCampaign(this.ctx, input, this.clock.wallMs());
      for (const run of newRuns) runs.insertRun(this.ctx, campaign.id, run);
      return campaign;
    });
  }

  campaign(id: number): CampaignRecord | undefined {
    return this.read("read a campaign", () => campaigns.campaignById(this.ctx, id));
  }

  /** Every campaign, oldest first. */
  campaigns(): CampaignRecord[] {
    return this.read("list campaigns", () => campaigns.allCampaigns(this.ctx));
  }

  /** The newest campaign with this name. */
  findCampaignByName(name: string): CampaignRecord | undefined {
    return this.read("find a campaign", () => campaigns.newestCampaignByName(this.ctx, name));
  }

  /** The newest campaign run from this campaign file (absolute path). */
  findCampaignByFile(sourcePath: string): CampaignRecord | undefined {
    return this.read("find a campaign", () => campaigns.newestCampaignBySource(this.ctx, sourcePath));
  }

  markCampaignRunning(id: number): CampaignRecord {
    return this.setCampaignStatus(id, "running");
  }

  markCampaignCompleted(id: number): CampaignRecord {
    return this.setCampaignStatus(id, "completed");
  }

  markCampaignFailed(id: number): CampaignRecord {
    return this.setCampaignStatus(id, "failed");
  }

  /** The campaign and its running runs become interrupted, in one transaction. */
  markCampaignInterrupted(id: number): CampaignRecord {
    return this.write("mark a campaign interrupted", () => {
      const campaign = campaigns.setCampaignStatus(this.ctx, id, "interrupted", this.clock.wallMs());
      for (const run of runs.runsOfCampaign(this.ctx, id)) {
        if (run.status === "running") runs.interruptRun(this.ctx, run.id, this.clock.wallMs());
      }
      return campaign;
    });
  }

  // Runs

  /** More runs (status pending) for a campaign, in one transaction. */
  addRuns(campaignId: number, newRuns: readonly NewRun[]): RunRecord[] {
    return this.write("add runs", () => {
      campaigns.requireCampaign(this.ctx, campaignId);
      return newRuns.map((run) => runs.insertRun(this.ctx, campaignId, run));
    });
  }

  run(id: number): RunRecord | undefined {
    return this.read("read a run", () => runs.runById(this.ctx, id));
  }

  /** The campaign's runs in the order they were added, with their status. */
  runsOf(campaignId: number): RunRecord[] {
    return this.read("list runs", () => {
      campaigns.requireCampaign(this.ctx, campaignId);
      return runs.runsOfCampaign(this.ctx, campaignId);
    });
  }

  /** pending | interrupted | failed -> running on `testbed`; counts an attempt. */
  markRunStarted(runId: number, start: { readonly testbed: string }): RunRecord {
    return this.write("mark a run started", () => runs.startRun(this.ctx, runId, start.testbed, this.clock.wallMs()));
  }

  /** running -> succeeded, storing its results, in one transaction. */
  markRunSucceeded(runId: number, runResults: readonly NewResult[]): RunRecord {
    return this.write("mark a run succeeded", () => {
      const run = runs.endRun(this.ctx, runId, "succeeded", null, this.clock.wallMs());
      results.replaceResults(this.ctx, runId, runResults);
      return run;
    });
  }

  /** running -> failed with the error, storing what results there are, in one transaction. */
  markRunFailed(runId: number, error: RunError, runResults: readonly NewResult[] = []): RunRecord {
    return this.write("mark a run failed", () => {
      const run = runs.endRun(this.ctx, runId, "failed", { code: error.code, message: error.message }, this.clock.wallMs());
      results.replaceResults(this.ctx, runId, runResults);
      return run;
    });
  }

  /** running -> interrupted (its stored trials stay, for resume). */
  markRunInterrupted(runId: number): RunRecord {
    return this.write("mark a run interrupted", () => runs.interruptRun(this.ctx, runId, this.clock.wallMs()));
  }

  // Trials, results, events, samples

  /** One trial of a running run, in its own transaction: a crash loses at most the trial in flight. */
  insertTrial(runId: number, trial: NewTrial): void {
    this.write("store a trial", () => trials.insertTrial(this.ctx, runId, trial));
  }

  /** The run's trials in measurement order. */
  trialsOf(runId: number): StoredTrial[] {
    return this.read("read trials", () => trials.trialsOfRun(this.ctx, runId));
  }

  resultsOf(runId: number): StoredResult[] {
    return this.read("read results", () => results.resultsOfRun(this.ctx, runId));
  }

  /** A batch of events, in one transaction. */
  insertEvents(runId: number, events: readonly NewEvent[]): void {
    this.write("store events", () => timeline.insertEvents(this.ctx, runs.requireRun(this.ctx, runId).id, events));
  }

  eventsOf(runId: number): StoredEvent[] {
    return this.read("read events", () => timeline.eventsOfRun(this.ctx, runId));
  }

  /** A batch of samples, in one transaction. */
  insertSamples(runId: number, samples: readonly NewSample[]): void {
    this.write("store samples", () => timeline.insertSamples(this.ctx, runs.requireRun(this.ctx, runId).id, samples));
  }

  samplesOf(runId: number, stream?: string): StoredSample[] {
    return this.read("read samples", () => timeline.samplesOfRun(this.ctx, runId, stream));
  }

  private setCampaignStatus(id: number, status: CampaignStatus): CampaignRecord {
    return this.write(`mark a campaign ${status}`, () => campaigns.setCampaignStatus(this.ctx, id, status, this.clock.wallMs()));
  }
}
