/**
 * A picker chooses a channel for each request, like the notebook's ChannelPicker generators but
 * without a generator or closure per request: per-request state lives in the picker's own typed
 * arrays, indexed by request id. Candidates are `count` channel ids at list[start...].
 */
import type { World } from "../model/world.js";

export interface Picker {
  /** The request reached its client (the notebook's factory call: before the servers tick). Probes go out here. */
  arrive(world: World, request: number, client: number, list: Int32Array, start: number, count: number): void;
  /** The client's tick: a channel id, or -1 to keep the request waiting (it stays PICKING). */
  pick(world: World, request: number, client: number, list: Int32Array, start: number, count: number): number;
  /** A response (request or probe) reached the client on `channel`, before the id is released. */
  responded(world: World, request: number, channel: number): void;
}

/** What a picker reads that the model computes only on demand. */
export interface PickerNeeds {
  /** Snapshot columns (bits of snapshot-table.ts COLUMN) that costs read. */
  readonly snapshotColumns: number;
  /** The server-side PID weight (the notebook computed it for every run; here only when read). */
  readonly serverPid: boolean;
}

/** A validated picker spec, ready to build a picker for one run. */
export interface PickerPlan {
  readonly needs: PickerNeeds;
  build(world: World): Picker;
}

export const NO_NEEDS: PickerNeeds = Object.freeze({ snapshotColumns: 0, serverPid: false });

export function mergeNeeds(...needs: readonly PickerNeeds[]): PickerNeeds {
  return Object.freeze({
    snapshotColumns: needs.reduce((bits, each) => bits | each.snapshotColumns, 0),
    serverPid: needs.some((each) => each.serverPid),
  });
}

/** Base for pickers that do nothing on arrival or response. */
export abstract class SimplePicker implements Picker {
  arrive(_world: World, _request: number, _client: number, _list: Int32Array, _start: number, _count: number): void {}
  abstract pick(world: World, request: number, client: number, list: Int32Array, start: number, count: number): number;
  responded(_world: World, _request: number, _channel: number): void {}
}
