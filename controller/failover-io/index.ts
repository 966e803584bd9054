/** File reading for the failover analysis (the analysis itself is pure: controller/analysis/failover). */
export { loadFailoverRun, type LoadRunOptions } from "./load-run.js";
export { runLayout, type RunLayout, type SessionFiles } from "./run-layout.js";
export { FAILOVER_RUN_UNREADABLE, listFiles, readText } from "./read-text.js";
