/**
 * A failover run as store rows (docs/failover.md "Stored"): timeline events, iperf3 intervals and
 * power readings as samples on the controller's axis (unix ns), and one result row with the
 * recovery. The report rebuilds the FailoverRun from these rows (stored-run.ts).
 */
import type { FailoverRun, RunAnalysis } from "../analysis/failover/index.js";
import type { NewEvent, NewResult, NewSample } from "../store/index.js";

export const FAILOVER_RESULT = "failover";
export const RECEIVED_STREAM_PREFIX = "iperf-received:";
export const SENT_STREAM_PREFIX = "iperf-sent:";
export const POWER_STREAM_PREFIX = "power:";
export const POWER_GAP_STREAM_PREFIX = "power-gap:";

export interface FailoverRecords {
  readonly events: readonly NewEvent[];
  readonly samples: readonly NewSample[];
  readonly results: readonly NewResult[];
}

export function failoverRecords(run: FailoverRun, analysis: RunAnalysis): FailoverRecords {
  const at = (runNs: number) => run.originUnixNs + BigInt(Math.round(runNs));
  const events: NewEvent[] = run.events.map((event) => ({ atNs: at(event.atNs), source: event.host ?? "controller", kind: event.name, payload: { phase: event.phase, detail: event.detail } }));
  const samples: NewSample[] = [];
  for (const session of run.sessions) {
    for (const [prefix, intervals] of [[RECEIVED_STREAM_PREFIX, session.received], [SENT_STREAM_PREFIX, session.sent]] as const) {
      for (const interval of intervals) {
        samples.push({ stream: `${prefix}${session.id}`, atNs: at(interval.endNs), value: interval.bytes, values: { ...interval, protocol: session.protocol } });
      }
    }
  }
  for (const device of run.power) {
    for (const sample of device.samples) samples.push({ stream: `${POWER_STREAM_PREFIX}${device.device}`, atNs: at(sample.atNs), value: sample.powerW });
    for (const gap of device.gaps) samples.push({ stream: `${POWER_GAP_STREAM_PREFIX}${device.device}`, atNs: at(gap.atNs), values: { reason: gap.reason } });
  }
  const { recovery, totals } = analysis;
  const lossRatio = totals.packets && totals.lostPackets !== null ? totals.lostPackets / totals.packets : 0;
  const result: NewResult = {
    kind: "goal",
    goalName: FAILOVER_RESULT,
    lossRatio,
    conditionalThroughputPps: null,
    relevantLowerBoundPps: null,
    relevantUpperBoundPps: null,
    regular: recovery.recoveryS !== null,
    extra: {
      originUnixNs: run.originUnixNs.toString(),
      triggerEvent: analysis.options.triggerEvent,
      triggerAtS: analysis.triggerAtNs / 1e9,
      recoveryS: recovery.recoveryS,
      disrupted: recovery.disrupted,
      peakLossPercent: recovery.peak?.lossPercent ?? null,
      packets: totals.packets,
      lostPackets: totals.lostPackets,
      lostPacketsAfterTrigger: totals.lostPacketsAfterTrigger,
      retransmitsAfterTrigger: totals.retransmitsAfterTrigger,
      analysisOptions: { ...analysis.options },
      warnings: analysis.warnings,
    },
  };
  return { events, samples, results: [result] };
}
