/** `testbench lbsim`: the load-balancing simulator's campaign on worker threads, a summary table and a report page. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { systemClock } from "../../common/system-clock.js";
import { BUILTIN_REPLICATIONS, NOTEBOOK_SCENARIO, selectScenarios, summarizeLbsimRuns } from "../lbsim/index.js";
import { runLbsimCampaign } from "../lbsim-workers/index.js";
import { createProgressReporter } from "../orchestrator/progress.js";
import { renderLbsimReport } from "../report/lbsim/page.js";
import { formatNumber } from "../report/lbsim/format-number.js";
import type { CliContext } from "./context.js";
import { exitCodes } from "./context.js";
import { parseInteger } from "./numbers.js";

interface LbsimValues {
  readonly scenarios?: string;
  readonly replications?: number;
  readonly workers?: number;
  readonly report?: string;
  readonly json?: boolean;
}

export function lbsimCommand(context: CliContext): Command {
  return new Command("lbsim")
    .description("run the load-balancing simulator's scenarios x algorithms x replications on worker threads (docs/lbsim.md)")
    .addOption(new Option("--scenarios <names>", `comma-separated scenario names, or "all" (default: ${NOTEBOOK_SCENARIO.name}, the notebook's table)`))
    .addOption(new Option("--replications <n>", `replications per algorithm (default ${BUILTIN_REPLICATIONS})`).argParser(parseInteger))
    .addOption(new Option("--workers <n>", "worker threads (default: the machine's cores)").argParser(parseInteger))
    .option("--report <file>", "the HTML report (default .testbench/lbsim-report.html)")
    .option("--json", "print the per-scenario summaries as one JSON object")
    .action(async (values: LbsimValues) => {
      const names = values.scenarios === undefined ? [NOTEBOOK_SCENARIO.name] : values.scenarios === "all" ? undefined : values.scenarios.split(",").map((name) => name.trim()).filter(Boolean);
      const scenarios = selectScenarios(names);
      const replications = values.replications ?? BUILTIN_REPLICATIONS;
      const progress = createProgressReporter({ interactive: context.interactive, write: (text) => process.stderr.write(text), clock: systemClock, intervalS: 10 });
      const counts = { total: 0, succeeded: 0, failed: 0, interrupted: 0, running: 0 };
      const result = await runLbsimCampaign({
        scenarios,
        replications,
        ...(values.workers !== undefined && { workers: values.workers }),
        signal: context.signal,
        onProgress: (update) => {
          Object.assign(counts, { total: update.total, succeeded: update.completed, failed: update.failed, running: update.running });
          progress.update(counts, update.etaMs === null ? null : update.etaMs / 1000);
        },
      });
      progress.finish(counts);
      const summaries = summarizeLbsimRuns(result.runs);
      const reportFile = path.resolve(values.report ?? path.join(".testbench", "lbsim-report.html"));
      mkdirSync(path.dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, renderLbsimReport({ title: "Load-balancing simulator", generatedAt: new Date(systemClock.wallMs()).toISOString(), replications, summaries, runs: result.runs }));
      if (values.json) {
        context.stdout(JSON.stringify({ scenarios: summaries.map((s) => ({ scenario: s.scenario, scoring: s.scoring, latencyRanking: s.rankings.latencyMeanTicks.map((r) => ({ algorithm: r.algorithm, rank: r.rank, mean: r.summary.mean })) })), runs: result.runs.length, failures: result.failures.length, wallMs: result.wallMs }));
      } else {
        for (const summary of summaries) {
          context.stdout(`\n${summary.scenario}: top algorithms by total score (of ${summary.scoring.length})`);
          const latency = new Map(summary.algorithms.map((entry) => [entry.algorithm, entry.metrics.latencyMeanTicks.mean]));
          for (const row of [...summary.scoring].sort((a, b) => b.total - a.total).slice(0, 10)) {
            context.stdout(`  ${row.algorithm.padEnd(44)} total ${String(row.total).padStart(2)}  mean latency ${formatNumber(latency.get(row.algorithm))} ticks`);
          }
        }
        context.stdout(`\n${result.runs.length} runs in ${(result.wallMs / 1000).toFixed(1)} s, ${result.failures.length} failed; report: ${reportFile}`);
      }
      for (const failure of result.failures.slice(0, 5)) context.stderr(`failed ${failure.scenario}/${failure.algorithm}#${failure.replication}: [${failure.code}] ${failure.message}`);
      if (result.ended === "cancelled") process.exitCode = exitCodes.interrupted;
      else if (result.failures.length > 0) process.exitCode = exitCodes.failed;
    });
}
