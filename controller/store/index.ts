/** The store's public surface: what the orchestrator, CLI and report import (docs/store.md). */
export { openStore, type OpenStoreOptions } from "./open-store.js";
export { Store, type RunError } from "./store.js";
export type { StoreOpening } from "./store-core.js";
export type { StoreMode } from "./connection.js";
export type { LockHolder } from "./lock-row.js";
export type { ProcessIdentity } from "./process-identity.js";
export * from "./records.js";
export type { JsonValue } from "./values.js";
export { SCHEMA_VERSION, STORE_APPLICATION_ID } from "./schema.js";
export type { StoreErrorCode } from "./store-errors.js";
export { ResumeMeasurer, resumeRelativeTolerance, type LiveTrial, type ResumeMeasurerOptions } from "./resume-measurer.js";
export { createRunMeasurer, type RunMeasurerOptions } from "./run-measurer.js";
export { mlrResultInputs, rfc2544ResultInput } from "./result-inputs.js";
export { resolveCampaign, resolveRun, type CampaignRef, type RunRef } from "./resolve.js";
export { exportCampaign, exportCampaignChunks, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from "./export.js";
export { CSV_COLUMNS } from "./export-csv.js";
export { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from "./export-json.js";
