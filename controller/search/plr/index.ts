/** PLRsearch: the soak search, pure; worker threads for its integrator live in controller/plr-workers. */
export type { PlrSearchParams } from "./search.js";
export { runPlrSearch } from "./search.js";
export type { PlrConfig, PlrOptions } from "./options.js";
export { compilePlrOptions, PLR_DEFAULTS } from "./options.js";
export type { PlrResult, PlrStopReason, PlrTrialRecord } from "./result.js";
export type { PlrJson } from "./report.js";
export { formatPlrTrialLine, plrResultJson } from "./report.js";
export type { IntegrationEstimate, IntegrationHandle, IntegrationJob, Integrator } from "./integrator.js";
export type { DeterministicIntegratorOptions } from "./deterministic-integrator.js";
export { createDeterministicIntegrator, DEFAULT_SAMPLES_PER_COMPUTATION } from "./deterministic-integrator.js";
export type { IntegrationControl } from "./integration.js";
export { runIntegration } from "./integration.js";
export type { CombinedEstimate } from "./combine.js";
export { combineEstimates } from "./combine.js";
export type { FittingName } from "./fitting.js";
export { FITTING_NAMES } from "./fitting.js";
export { PLR_ERROR_CODES } from "./errors.js";
