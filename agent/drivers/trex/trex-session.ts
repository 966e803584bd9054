import type { CompiledDriverOptions } from "./driver-options.js";
import { trexProtocolError } from "./driver-errors.js";
import type { PortCounterSample } from "./trial-counters.js";
import { validatePortsExist } from "./trial-request.js";
import type { RpcCall, TrexRpcClient } from "./trex-rpc-client.js";
import { udpTemplate } from "./udp-frame.js";

/**
 * The TRex STL calls a start+sleep+stop trial needs, batched so that each step is one round trip:
 * handshake (api_sync_v2, get_system_info) and forced acquire once per connection; then per trial
 * two round trips: [reset + streams + counter baseline + start] and [stop + counter read] (a
 * separate read after a drain wait when one is configured). TRex has no clear-stats RPC, so the
 * baseline is a read of its absolute counters.
 */

export const stlApiVersion = Object.freeze({ name: "STL", major: 5, minor: 1 });
const profileId = "_";

export interface StartSpec {
  readonly ports: readonly number[];
  readonly directions: readonly { txPort: number; rxPort: number }[];
  readonly frameSizeBytes: number;
  readonly txPorts: readonly number[];
  readonly loadPps: number;
  readonly durationS: number;
}

interface Ready {
  readonly apiH: string;
  readonly portCount: number;
  readonly handlers: Map<number, string>;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/** The `stream` object of add_stream: continuous, 1 pps (start_traffic's pps multiplier sets the port rate). */
function continuousStream(packet: Buffer): Record<string, unknown> {
  return {
    enabled: true,
    self_start: true,
    start_paused: false,
    flags: 0,
    action_count: 0,
    isg: 0,
    core_id: -1,
    next_stream_id: -1,
    mode: { type: "continuous", rate: { type: "pps", value: 1 } },
    packet: { binary: packet.toString("base64"), meta: "" },
    vm: { instructions: [] },
    flow_stats: { enabled: false },
  };
}

export class TrexSession {
  private ready: Ready | undefined;

  constructor(
    private readonly client: TrexRpcClient,
    private readonly options: CompiledDriverOptions,
  ) {}

  /** Forget the handshake and handlers (after a failure); the next trial starts over. */
  invalidate(): void {
    this.ready = undefined;
  }

  /** Handshake if needed and hold `ports` (forced acquire, as CSIT's reset() does). */
  async prepare(ports: readonly number[], signal?: AbortSignal): Promise<void> {
    if (!this.ready) {
      const sync = record(await this.client.call("api_sync_v2", { ...stlApiVersion }, signal));
      if (typeof sync["api_h"] !== "string") throw trexProtocolError({ endpoint: this.client.endpoint, method: "api_sync_v2" }, "no api_h in the result");
      const apiH = sync["api_h"];
      const info = record(await this.client.call("get_system_info", { api_h: apiH }, signal));
      const portCount = info["port_count"];
      if (typeof portCount !== "number") throw trexProtocolError({ endpoint: this.client.endpoint, method: "get_system_info" }, "no port_count");
      this.ready = { apiH, portCount, handlers: new Map() };
    }
    const ready = this.ready;
    validatePortsExist(ports, ready.portCount);
    const missing = ports.filter((p) => !ready.handlers.has(p));
    if (missing.length === 0) return;
    const { user, sessionId } = this.options;
    const calls = missing.map((port) => ({ method: "acquire", params: { api_h: ready.apiH, port_id: port, user, session_id: sessionId, force: true } }));
    const handlers = await this.client.batch(calls, signal);
    missing.forEach((port, i) => {
      const handler = handlers[i];
      if (typeof handler !== "string") throw trexProtocolError({ endpoint: this.client.endpoint, method: "acquire" }, "the handler is not a string");
      ready.handlers.set(port, handler);
    });
  }

  private owned(port: number): Record<string, unknown> {
    const ready = this.ready;
    const handler = ready?.handlers.get(port);
    if (!ready || handler === undefined) throw new Error(`TrexSession: port ${port} is not acquired (call prepare first)`);
    return { api_h: ready.apiH, handler, port_id: port, profile_id: profileId };
  }

  private statsCalls(ports: readonly number[]): RpcCall[] {
    return ports.map((port) => ({ method: "get_port_stats", params: { api_h: this.ready?.apiH, port_id: port } }));
  }

  private static samples(ports: readonly number[], results: readonly unknown[]): Map<number, PortCounterSample> {
    return new Map(ports.map((port, i) => {
      const stats = record(results[i]);
      return [port, { opackets: Number(stats["opackets"]), ipackets: Number(stats["ipackets"]) }];
    }));
  }

  /**
   * One round trip: reset (stop, remove streams), one stream per direction, the counter
   * baseline, then start_traffic on every transmitting port. TRex runs a batch in order, so
   * the baseline is read right before traffic starts.
   */
  async setupAndStart(trial: StartSpec, signal?: AbortSignal): Promise<Map<number, PortCounterSample>> {
    const { ports, directions, frameSizeBytes, txPorts, loadPps, durationS } = trial;
    const mul = { type: "pps", op: "abs", value: loadPps };
    const calls: RpcCall[] = [
      ...ports.map((port) => ({ method: "stop_traffic", params: this.owned(port) })),
      ...ports.map((port) => ({ method: "remove_all_streams", params: this.owned(port) })),
      ...directions.map((d) => ({
        method: "add_stream",
        params: { ...this.owned(d.txPort), stream_id: 1, stream: continuousStream(udpTemplate(frameSizeBytes, d.txPort, d.rxPort)) },
      })),
      ...this.statsCalls(ports),
      ...txPorts.map((port) => ({
        method: "start_traffic",
        params: { ...this.owned(port), mul, duration: durationS, force: this.options.forceStart, start_at_ts: 0 },
      })),
    ];
    const results = await this.client.batch(calls, signal);
    const statsAt = results.length - txPorts.length - ports.length;
    return TrexSession.samples(ports, results.slice(statsAt, statsAt + ports.length));
  }

  async stop(txPorts: readonly number[], signal?: AbortSignal): Promise<void> {
    await this.client.batch(txPorts.map((port) => ({ method: "stop_traffic", params: this.owned(port) })), signal);
  }

  /** One round trip: stop every transmitting port, then read the counters right after (no drain wait). */
  async stopAndRead(txPorts: readonly number[], ports: readonly number[], signal?: AbortSignal): Promise<Map<number, PortCounterSample>> {
    const calls = [...txPorts.map((port) => ({ method: "stop_traffic", params: this.owned(port) })), ...this.statsCalls(ports)];
    const results = await this.client.batch(calls, signal);
    return TrexSession.samples(ports, results.slice(txPorts.length));
  }

  async readCounters(ports: readonly number[], signal?: AbortSignal): Promise<Map<number, PortCounterSample>> {
    return TrexSession.samples(ports, await this.client.batch(this.statsCalls(ports), signal));
  }

  /** Release every held port; failures are ignored (the ports may already be gone). */
  async release(signal?: AbortSignal): Promise<void> {
    const ready = this.ready;
    if (!ready || ready.handlers.size === 0) return;
    const calls = [...ready.handlers].map(([port, handler]) => ({ method: "release", params: { api_h: ready.apiH, handler, port_id: port } }));
    this.ready = undefined;
    await this.client.batch(calls, signal).catch(() => undefined);
  }
}
