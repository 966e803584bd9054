/** The load-balancing simulator (pure: no I/O, no clock, seeded). See docs/lbsim.md. */
export type { LoadStep, PickerSpec, SimConfig, SimConfigInput, SimOverrides, SimSettings, Subsetting } from "./config/config-types.js";
export { SUBSETTINGS } from "./config/config-types.js";
export type { CompiledSimConfig } from "./config/compiled.js";
export { compileSimConfig } from "./config/compile-config.js";
export {
  NOTEBOOK_DEFAULTS,
  NOTEBOOK_REPLICATIONS,
  NOTEBOOK_REQUEST_RATE,
  NOTEBOOK_RUN_SETTINGS,
  NOTEBOOK_TARGET_UTILIZATION,
  NOTEBOOK_TOTAL_TICKS,
  queriesForUtilization,
} from "./config/defaults.js";
export { LBSIM_ERROR_CODES } from "./errors.js";
export { runCompiled, runScenarioReplication } from "./run.js";
export { costNames } from "./costs/registry.js";
export { PICKER_REGISTRATIONS, compilePicker, pickerNames } from "./pickers/registry.js";
export type { LbsimAlgorithm, LbsimScenario } from "./scenarios/scenario-types.js";
export { runConfigFor } from "./scenarios/scenario-types.js";
export { NOTEBOOK_ALGORITHMS, PUBLISHED_ALGORITHMS } from "./scenarios/notebook-algorithms.js";
export { BUILTIN_REPLICATIONS, BUILTIN_SCENARIOS, NOTEBOOK_SCENARIO, REPRESENTATIVE_ALGORITHMS, TODO_SCENARIOS } from "./scenarios/builtin-campaign.js";
export { compileScenarios, selectScenarios } from "./scenarios/select-scenarios.js";
export type { RunCounts, RunMetricKey, RunMetrics, RunSamples } from "./stats/run-metrics.js";
export { NOTEBOOK_COLUMNS, RUN_METRIC_KEYS, summarizeSamples } from "./stats/run-metrics.js";
export type { AlgorithmRuns, ScoreRow, ScoredMetric } from "./stats/scoring.js";
export { SCORED_METRICS, SCORE_LABELS, quintileScores, reasonablyBadRun, scoreAlgorithms } from "./stats/scoring.js";
export type { RankInput, RankOptions, RankedAlgorithm } from "./stats/ranking.js";
export { differenceP, rankWithSignificance } from "./stats/ranking.js";
export { pairedTTestP, welchTTestP } from "./stats/significance.js";
export type { LbsimCampaignResult, LbsimFailure, LbsimProgress } from "./campaign/campaign-result.js";
export type { LbsimTask } from "./campaign/plan.js";
export { DEFAULT_ROOT_SEED, planLbsimTasks, replicationSeed } from "./campaign/plan.js";
export type { AlgorithmSummary, LbsimRun, ScenarioSummary } from "./campaign/summarize.js";
export { summarizeLbsimRuns } from "./campaign/summarize.js";
export type { SerialCampaignResult } from "./campaign/run-serial.js";
export { runLbsimCampaignSerial } from "./campaign/run-serial.js";
