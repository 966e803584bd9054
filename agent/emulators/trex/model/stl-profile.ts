import { TrafficConfigError } from "./multiplier.js";
import type { StreamSpec } from "./stream.js";
import type { TrafficRun } from "./traffic-run.js";

/**
 * One STL profile of a port (profile "_" always exists): its streams and the state machine of
 * trex_stl_port.cpp. IDLE --add_stream--> STREAMS --start--> TX --(stop | schedule done)--> STREAMS;
 * removing the last stream returns to IDLE. A command in the wrong state fails with TRex's text,
 * including its missing closing quote after the state name.
 */

export type ProfileState = "IDLE" | "STREAMS" | "TX" | "PAUSE";

/** TRex's per-profile stream limit (MAX_STREAMS). */
export const maxStreamsPerProfile = 20_000;

export class StlProfile {
  state: ProfileState = "IDLE";
  readonly streams = new Map<number, StreamSpec>();
  run: TrafficRun | undefined;
  /** The effective multiplier of the last start (get_port_status / start_traffic result). */
  factor = 1;

  constructor(readonly profileId: string) {}

  verifyState(allowed: readonly ProfileState[], command: string): void {
    if (!allowed.includes(this.state)) {
      throw new TrafficConfigError(`command '${command}' cannot be executed on current state: '${this.state} on profile_id(${this.profileId}).`);
    }
  }

  get isActive(): boolean {
    return this.state === "TX" || this.state === "PAUSE";
  }

  get maxStreamId(): number {
    let max = 0;
    for (const id of this.streams.keys()) max = Math.max(max, id);
    return max;
  }

  addStream(stream: StreamSpec): void {
    this.verifyState(["IDLE", "STREAMS"], "add_stream");
    if (this.streams.size >= maxStreamsPerProfile) throw new TrafficConfigError(`Reached limit of ${maxStreamsPerProfile} streams at the port.`);
    this.streams.set(stream.streamId, stream);
    this.state = "STREAMS";
  }

  removeStream(streamId: number): void {
    this.verifyState(["STREAMS"], "remove_stream");
    this.streams.delete(streamId);
    if (this.streams.size === 0) this.state = "IDLE";
  }

  removeAllStreams(): void {
    this.verifyState(["IDLE", "STREAMS"], "remove_and_delete_all_streams");
    this.streams.clear();
    this.state = "IDLE";
  }
}
