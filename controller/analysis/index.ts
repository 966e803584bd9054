/** Pure statistics for reports: no I/O, no clock (STYLE.md 3). */
export { logGamma, regularizedIncompleteBeta } from "./incomplete-beta.js";
export { studentTCdf, studentTQuantile } from "./student-t.js";
export { mean, meanConfidenceInterval, sampleStdev, summarize, type ConfidenceInterval, type SampleSummary } from "./sample-summary.js";
