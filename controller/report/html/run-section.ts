/** One experiment's section (its bounds chart) and one section per run: facts, results, charts. */
import { formatPps, formatRatio, formatSi, formatTimeMs } from "../format.js";
import type { ExperimentSummary } from "../experiment-summary.js";
import type { ReportRun } from "../model.js";
import { experimentAnchor, runLabel, type CampaignCharts } from "../report-charts.js";
import { powerAtThroughput } from "../trial-power.js";
import { facts, figure, h, statusBadge, table } from "./html.js";

function resultTables(run: ReportRun): string {
  const goals =
    run.goals.length === 0
      ? ""
      : table(
          ["goal", "loss ratio", "relevant lower bound", "relevant upper bound", "conditional throughput", "regular"],
          run.goals.map((goal) => [
            goal.name,
            { text: formatRatio(goal.lossRatio), numeric: true },
            { text: formatPps(goal.relevantLowerBoundPps), numeric: true },
            { text: formatPps(goal.relevantUpperBoundPps), numeric: true },
            { text: formatPps(goal.conditionalThroughputPps), numeric: true },
            goal.regular ? "yes" : "no (a bound is missing)",
          ]),
        );
  const soaks =
    run.soaks.length === 0
      ? ""
      : table(
          ["estimate", "loss ratio target", "average", "stdev"],
          run.soaks.map((soak) => [soak.name, { text: formatRatio(soak.lossRatio), numeric: true }, { text: formatPps(soak.averagePps), numeric: true }, { text: formatPps(soak.stdevPps), numeric: true }]),
        );
  const power = powerAtThroughput(run);
  const powerTable =
    power.length === 0
      ? ""
      : table(
          ["result", "throughput", "device", "trials at", "mean power", "W per Mpps"],
          power.map((row) => [
            row.result,
            { text: formatPps(row.throughputPps), numeric: true },
            row.device,
            { text: `${formatPps(row.trialLoadPps)} (${row.trialCount})`, numeric: true },
            { text: `${formatSi(row.meanPowerW, 4)} W`, numeric: true },
            { text: formatSi(row.wattsPerMpps, 4), numeric: true },
          ]),
        );
  return goals + soaks + powerTable;
}

function runFacts(run: ReportRun): string {
  const trialSeconds = run.trials.reduce((sum, trial) => sum + trial.durationS, 0);
  const entries: Array<readonly [string, string]> = [
    ["run", `id ${run.id}, seed <code>${run.seed}</code>, testbed ${h(run.testbed ?? "-")}, ${run.attempts} attempt${run.attempts === 1 ? "" : "s"}`],
    ["time", `${h(formatTimeMs(run.startedAtMs))} to ${h(formatTimeMs(run.endedAtMs))}`],
    ["trials", `${run.trials.length} (${Number(trialSeconds.toFixed(3))} trial-seconds)`],
  ];
  if (run.status === "failed") entries.push(["error", `<code>${h(run.errorCode ?? "-")}</code> ${h(run.errorMessage ?? "")}`]);
  return facts(entries);
}

export function runSection(run: ReportRun, charts: CampaignCharts): string {
  const figures = (charts.byRun.get(run.id) ?? []).map(figure).join("");
  const empty = run.trials.length === 0 ? '<p class="note">No trials stored for this run.</p>' : "";
  const results = run.goals.length + run.soaks.length === 0 && run.trials.length > 0 ? '<p class="note">No results stored for this run.</p>' : "";
  return `<section class="run" id="run-${run.id}"><h4>${h(runLabel(run))} ${statusBadge(run.status)}</h4>${runFacts(run)}${resultTables(run)}${results}${figures}${empty}</section>`;
}

export function experimentSection(experiment: ExperimentSummary, charts: CampaignCharts): string {
  const sweep = experiment.sweep === null ? "" : `, ${h(experiment.sweep.parameter)} = ${h(String(experiment.sweep.value))}`;
  const figures = (charts.byExperiment.get(experiment) ?? []).map(figure).join("");
  const runs = experiment.runs.map((run) => runSection(run, charts)).join("");
  return `<section class="experiment" id="${experimentAnchor(experiment.experimentKey)}"><h3>${h(experiment.experimentKey)} <span class="muted">(${h(experiment.kind)}${sweep}, ${experiment.runs.length} run${experiment.runs.length === 1 ? "" : "s"})</span></h3>${figures}${runs}</section>`;
}
