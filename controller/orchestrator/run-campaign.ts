/**
 * `testbench run FILE`: load and check the campaign file (every error before any trial), find
 * or create the campaign in the store (an unfinished campaign of the same file resumes: finished
 * runs are skipped, interrupted ones continue from their stored trials), run experiments x
 * replications on the free testbeds, and end the campaign completed or interrupted.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Clock } from "../../common/clock.js";
import { ValidationError } from "../../common/errors.js";
import type { Logger } from "../../common/logger.js";
import type { CampaignDefinition } from "../campaign/model.js";
import type { CampaignRecord, RunRecord, Store } from "../store/index.js";
import { planRuns } from "./plan.js";
import { createProgressReporter, etaS, newCounts } from "./progress.js";
import { executeFailoverRun } from "./run-failover.js";
import { executeLbsimRun } from "./run-lbsim.js";
import { executeSoakRun } from "./run-soak.js";
import { executeThroughputRun, unknownTestbed, type RunEnding } from "./run-throughput.js";
import { schedule, type Job } from "./scheduler.js";

export interface RunCampaignOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Ctrl-C: stop scheduling, let trials in flight finish, mark the campaign interrupted. */
  readonly stop: AbortSignal;
  readonly interactive: boolean;
  readonly writeProgress: (text: string) => void;
  /** Start a new campaign even if an unfinished one of this file exists. */
  readonly fresh?: boolean;
  /** Run failed runs again when resuming. */
  readonly retryFailed?: boolean;
}

export interface CampaignOutcome {
  readonly campaign: CampaignRecord;
  readonly resumed: boolean;
  readonly succeeded: number;
  readonly failed: number;
  readonly interrupted: number;
  readonly skipped: number;
  readonly failures: ReadonlyArray<{ readonly run: string; readonly code: string | null; readonly message: string | null }>;
}

function fileHash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function findOrCreate(options: RunCampaignOptions, file: string, name: string, hash: string, plan: () => ReturnType<typeof planRuns>): { campaign: CampaignRecord; resumed: boolean } {
  const { store } = options;
  const existing = store.findCampaignByFile(file);
  if (existing && existing.status !== "completed" && !options.fresh) {
    if (existing.fileHash !== hash) {
      throw new ValidationError("CAMPAIGN_FILE_CHANGED", `${file} changed since campaign ${existing.id} (${existing.status}) started from it; run it with --fresh to start a new campaign, or restore the file to resume`, {
        context: { file, campaignId: existing.id },
      });
    }
    return { campaign: existing, resumed: true };
  }
  return { campaign: store.createCampaign({ name, sourcePath: file, fileHash: hash }, plan()), resumed: false };
}

export async function runCampaign(definition: CampaignDefinition, options: RunCampaignOptions): Promise<CampaignOutcome> {
  const { store, logger, clock } = options;
  const { campaign, resumed } = findOrCreate(options, definition.file, definition.name, fileHash(definition.file), () => planRuns(definition));
  store.markCampaignRunning(campaign.id);
  const all = store.runsOf(campaign.id);
  const finished = (run: RunRecord) => run.status === "succeeded" || (run.status === "failed" && !options.retryFailed);
  const todo = all.filter((run) => !finished(run));
  const counts = newCounts(todo.length);
  const durationsS: number[] = [];
  const slots = new Set(todo.map((run) => String((run.parameters as { testbed?: string }).testbed))).size;
  const progress = createProgressReporter({ interactive: options.interactive, write: options.writeProgress, clock });
  const failures: Array<{ run: string; code: string | null; message: string | null }> = [];
  const jobs: Job<RunEnding>[] = todo.map((run) => {
    const testbedName = String((run.parameters as { testbed?: string }).testbed);
    return {
      testbed: testbedName,
      run: async () => {
        if (run.kind === "lbsim") {
          // CPU-bound: no testbed; every lbsim run shares the implicit slot LBSIM_SLOT.
          const startedS = clock.monotonicS();
          const ending = await executeLbsimRun(run, { store, logger, stop: options.stop });
          if (ending !== "interrupted") durationsS.push(clock.monotonicS() - startedS);
          return ending;
        }
        const testbed = definition.testbeds.get(testbedName);
        if (!testbed) throw unknownTestbed(run, testbedName);
        const startedS = clock.monotonicS();
        const execute = run.kind === "soak" ? executeSoakRun : run.kind === "failover" ? executeFailoverRun : executeThroughputRun;
        const ending = await execute(run, testbed, { store, logger, stop: options.stop });
        if (ending !== "interrupted") durationsS.push(clock.monotonicS() - startedS);
        return ending;
      },
    };
  });
  progress.update(counts, null);
  const tick = setInterval(() => progress.update(counts, etaS(counts, durationsS, slots)), 1000);
  try {
    await schedule(
      jobs,
      options.stop,
      (job, settled) => {
        counts.running -= 1;
        const ending = settled.status === "fulfilled" ? settled.value : "failed";
        counts[ending] += 1;
        if (settled.status === "rejected") logger.error({ err: settled.reason }, "run could not be executed");
        progress.update(counts, etaS(counts, durationsS, slots));
        void job;
      },
      () => {
        counts.running += 1;
        progress.update(counts, etaS(counts, durationsS, slots));
      },
    );
  } finally {
    clearInterval(tick);
  }
  progress.finish(counts);
  const after = store.runsOf(campaign.id);
  for (const run of after.filter((r) => r.status === "failed")) failures.push({ run: `${run.experimentKey}#${run.replication}`, code: run.errorCode, message: run.errorMessage });
  const unfinished = after.some((run) => run.status === "pending" || run.status === "interrupted" || run.status === "running");
  const record = options.stop.aborted || unfinished ? store.markCampaignInterrupted(campaign.id) : store.markCampaignCompleted(campaign.id);
  return {
    campaign: record,
    resumed,
    succeeded: counts.succeeded,
    failed: counts.failed,
    interrupted: counts.interrupted + (todo.length - counts.succeeded - counts.failed - counts.interrupted),
    skipped: all.length - todo.length,
    failures,
  };
}
