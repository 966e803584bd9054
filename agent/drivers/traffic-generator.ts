/**
 * What the agent needs from a traffic generator: one start+sleep+stop trial at a time.
 * The TRex driver implements it over TRex's JSON-RPC; the agent's trial handler only sees this.
 */

/** Counters of one traffic direction (tx port -> rx port) over one trial. */
export interface DirectionCounters {
  readonly txPort: number;
  readonly rxPort: number;
  /** Packets that should have been sent in the intended duration (CSIT: ceil((D - 10 µs) * rate), at least the sent count). */
  readonly intendedCount: number;
  /** Packets sent by the generator during the trial (after the counter baseline). */
  readonly txPackets: number;
  /** Packets received on the opposite port during the trial. */
  readonly rxPackets: number;
}

export interface GeneratorTrialRequest {
  /** Intended trial duration in seconds (> 0). */
  readonly durationS: number;
  /** Per-direction offered load in packets per second (> 0). */
  readonly loadPps: number;
  /** L2 frame size in bytes, e.g. 64. */
  readonly frameSizeBytes: number;
  /** Port pairs to drive; [0, 1] with bidirectional true is the usual 2-port setup. */
  readonly ports: readonly number[];
  readonly bidirectional: boolean;
}

export interface GeneratorTrialOutcome {
  readonly directions: readonly DirectionCounters[];
  /** Time traffic was actually on (start acknowledged to stop acknowledged), seconds. */
  readonly offeredDurationS: number;
  /** Wall time of the whole trial with every overhead (reset, start, sleep, stop, drain, read), seconds. */
  readonly durationWithOverheadsS: number;
}

export interface TrafficGenerator {
  /** Run one trial; rejects with a TestbenchError (codes in docs/errors.md) on RPC failure, timeout or abort. */
  runTrial(request: GeneratorTrialRequest, signal?: AbortSignal): Promise<GeneratorTrialOutcome>;
  /** Release the generator (and its sockets). */
  close(): Promise<void>;
}
