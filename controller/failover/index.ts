/** The failover experiment's runner: plans, the live timeline on agents, and what it records. */
export { FAILOVER_ACTION_FAILED, FAILOVER_AGENT_MISSING, FAILOVER_PLAN_INVALID, FAILOVER_STREAM_FAILED, actionFailedError } from "./errors.js";
export { agentsOf, clientDurationS, compileFailoverPlan, DEFAULT_IPERF_PORT, type FailoverActionPlan, type FailoverIperfPlan, type FailoverMeterPlan, type FailoverPlan, type FailoverSessionPlan, type RawFailoverPlan } from "./plan.js";
export { FailoverRecorder } from "./recorder.js";
export { endStream } from "./stream-stop.js";
export { ORIGIN_EVENT, runFailoverTimeline, STOP_EVENT, type FailoverAgent, type FailoverTimelineOptions, type FailoverTimelineResult } from "./run-timeline.js";
