/** Servers as parallel arrays: a thread pool, a FIFO queue, the notebook's ServerState windows and PID weight. */
import { IntDeque, IntList } from "./typed-lists.js";
import { LatencyByRif } from "./latency-by-rif.js";
import { PidArray, SERVER_PID_GAINS } from "./pid.js";
import { RingWindow } from "./ring-window.js";

export class ServerTable {
  readonly threads: Int32Array;
  readonly meanProcessingTicks: Float64Array;
  readonly meanRttTicks: Float64Array;
  readonly nextResetTick: Float64Array;
  readonly queue: IntDeque[] = [];
  /** Requests on threads, in the order they were taken off the queue. */
  readonly processing: IntList[] = [];
  readonly queriesInTick: Int32Array;
  /** warm[server * clients + client]: that client's channel has been served since the last reset. */
  readonly warm: Uint8Array;
  readonly utilization: RingWindow[] = [];
  readonly queriesPerTick: RingWindow[] = [];
  readonly requestsInFlight: RingWindow[] = [];
  readonly queued: RingWindow[] = [];
  readonly latencies: RingWindow[] = [];
  readonly latencyByRif: LatencyByRif[] = [];
  readonly pid: PidArray;
  readonly pidWeight: Float64Array;
  /** The snapshot row of the current state, -1 while no cost needs snapshots. */
  readonly snapshot: Int32Array;

  constructor(
    readonly count: number,
    readonly clients: number,
    stateBuffer: number,
  ) {
    this.threads = new Int32Array(count);
    this.meanProcessingTicks = new Float64Array(count);
    this.meanRttTicks = new Float64Array(count);
    this.nextResetTick = new Float64Array(count);
    this.queriesInTick = new Int32Array(count);
    this.warm = new Uint8Array(count * clients);
    this.pid = new PidArray(count, SERVER_PID_GAINS);
    this.pidWeight = new Float64Array(count);
    this.snapshot = new Int32Array(count).fill(-1);
    for (let server = 0; server < count; server += 1) {
      this.queue.push(new IntDeque(64));
      this.processing.push(new IntList(128));
      this.utilization.push(new RingWindow(stateBuffer));
      this.queriesPerTick.push(new RingWindow(stateBuffer));
      this.requestsInFlight.push(new RingWindow(stateBuffer));
      this.queued.push(new RingWindow(stateBuffer));
      this.latencies.push(new RingWindow(stateBuffer));
      this.latencyByRif.push(new LatencyByRif());
    }
  }

  /** Requests queued or on threads right now. */
  inFlight(server: number): number {
    return (this.queue[server] as IntDeque).length + (this.processing[server] as IntList).length;
  }

  /** Forget the state windows, warm channels and PID (a reset server starts from a fresh ServerState). */
  clearState(server: number): void {
    this.utilization[server]?.clear();
    this.queriesPerTick[server]?.clear();
    this.requestsInFlight[server]?.clear();
    this.queued[server]?.clear();
    this.latencies[server]?.clear();
    this.latencyByRif[server]?.clear();
    this.warm.fill(0, server * this.clients, (server + 1) * this.clients);
    this.pid.reset(server);
    this.pidWeight[server] = 0;
  }
}
