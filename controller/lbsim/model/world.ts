/** Everything one run mutates, in one object of fixed shape. */
import type { CompiledSettings } from "../config/compiled.js";
import type { Picker } from "../pickers/picker.js";
import type { RandomStreams } from "../random/rng.js";
import { ChannelTable } from "./channel-table.js";
import { Recorder } from "./recorder.js";
import { RequestTable } from "./request-table.js";
import { ServerTable } from "./server-table.js";
import { SnapshotTable } from "./snapshot-table.js";
import { IntList } from "./typed-lists.js";

export const STAGE_WARMING = 1;
export const STAGE_RUNNING = 2;
export const STAGE_COOLING = 3;

export interface WorldNeeds {
  readonly snapshotColumns: number;
  readonly serverPid: boolean;
}

export class World {
  tick = 0;
  stage = STAGE_WARMING;
  readonly requests: RequestTable;
  readonly servers: ServerTable;
  readonly channels: ChannelTable;
  readonly snapshots: SnapshotTable;
  readonly recorder: Recorder;
  /** Per client: requests still PICKING, in arrival order. */
  readonly pending: IntList[] = [];
  /** channelIds[i] = i: the candidate list of a client's own channels (start client * perClient). */
  readonly channelIds: Int32Array;
  picker: Picker | null = null;

  constructor(
    readonly settings: CompiledSettings,
    readonly rng: RandomStreams,
    readonly needs: WorldNeeds,
  ) {
    const perTick = settings.requestsPerServerPerTick * settings.requestRateMultiplier * settings.servers;
    this.requests = new RequestTable(Math.ceil(perTick * 32));
    this.servers = new ServerTable(settings.servers, settings.clients, settings.serverStateBuffer);
    this.channels = new ChannelTable(settings.clients, settings.channelsPerClient, settings.clientRequestsBuffer);
    this.snapshots = new SnapshotTable(needs.snapshotColumns === 0 ? 16 : settings.servers * (settings.totalTicks + 64));
    this.recorder = new Recorder(settings.servers, settings.sampleEveryTicks);
    for (let client = 0; client < settings.clients; client += 1) this.pending.push(new IntList(16));
    this.channelIds = Int32Array.from({ length: this.channels.count }, (_, index) => index);
  }

  /** The run's picker; set once after construction. */
  get activePicker(): Picker {
    if (this.picker === null) throw new Error("lbsim world used before its picker was built");
    return this.picker;
  }
}
