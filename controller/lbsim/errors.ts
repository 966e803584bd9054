/**
 * The load-balancing simulator's error codes (listed in docs/lbsim.md). Every bad input is a
 * ValidationError raised before anything runs; the worker-thread runner adds its own codes.
 */
export const LBSIM_ERROR_CODES = Object.freeze({
  /** A simulation config key has a bad value (negative rate, subset larger than the server count, ...). */
  configInvalid: "LBSIM_CONFIG_INVALID",
  /** A picker name that is not registered. */
  pickerUnknown: "LBSIM_PICKER_UNKNOWN",
  /** A cost function name that is not registered. */
  costUnknown: "LBSIM_COST_UNKNOWN",
  /** A picker option that the picker does not take, or a bad value for one it does. */
  pickerOptionInvalid: "LBSIM_PICKER_OPTION_INVALID",
  /** A scenario name that is not in the campaign. */
  scenarioUnknown: "LBSIM_SCENARIO_UNKNOWN",
  /** A scenario definition that is malformed (no algorithms, duplicate names, ...). */
  scenarioInvalid: "LBSIM_SCENARIO_INVALID",
  /** A campaign option (replications, workers, seed) has a bad value. */
  campaignOptionInvalid: "LBSIM_CAMPAIGN_OPTION_INVALID",
  /** One run failed inside a worker thread (the campaign goes on and reports it). */
  runFailed: "LBSIM_RUN_FAILED",
  /** A worker thread exited or raised an uncaught error. */
  workerFailed: "LBSIM_WORKER_FAILED",
  /** The compiled worker script is not where the runner looks for it. */
  workerScriptMissing: "LBSIM_WORKER_SCRIPT_MISSING",
});
