import { VirtualClock } from "../../../../../common/clock.js";
import { compileEmulatorOptions, type TrexEmulatorOptions } from "../../../../../agent/emulators/trex/emulator-options.js";
import { EmulatedTrex, type ForwardingDevice } from "../../../../../agent/emulators/trex/model/emulated-trex.js";
import { handleMessage } from "../../../../../agent/emulators/trex/rpc/json-rpc-envelope.js";
import { buildCommandTable } from "../../../../../agent/emulators/trex/trex-emulator.js";

/** Parsed JSON replies: deep, loosely typed, checked by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** An emulated TRex without sockets: requests go straight through the envelope on a virtual clock. */

/** A device that forwards a fixed share of what it is offered. */
export function shareDevice(forwardedShare: number): ForwardingDevice & { calls: Array<[number, number]> } {
  const calls: Array<[number, number]> = [];
  return {
    calls,
    trial(loadPps: number, durationS: number) {
      calls.push([loadPps, durationS]);
      const offeredCount = Math.floor(loadPps * durationS);
      return { offeredCount, lostCount: offeredCount - Math.round(offeredCount * forwardedShare) };
    },
  };
}

export interface Harness {
  readonly trex: EmulatedTrex;
  readonly clock: VirtualClock;
  readonly published: string[];
  /** Send raw bytes, get raw bytes. */
  raw(message: Uint8Array | string): Buffer;
  /** Send one request object (or array), get the parsed reply. */
  rpc(request: unknown): Json;
  /** Call a method with params (api_h added when `withApi`), return the parsed reply object. */
  call(method: string, params?: Record<string, unknown>, withApi?: boolean): Json;
  /** api_sync_v2 + acquire(force) of every port; returns the handlers. */
  acquireAll(): string[];
}

export function createHarness(options: Partial<TrexEmulatorOptions> = {}): Harness {
  const clock = new VirtualClock(1000);
  const compiled = compileEmulatorOptions({ device: shareDevice(1), clock, publishIntervalS: 0, hostname: "tb-test", ...options });
  const published: string[] = [];
  const sink = { trigger: () => published.push("{}"), publishJson: (text: string) => published.push(text) };
  const trex = new EmulatedTrex({ ...compiled }, () => sink.trigger());
  const table = buildCommandTable(trex, sink);
  let id = 0;
  const raw = (message: Uint8Array | string) => handleMessage(typeof message === "string" ? Buffer.from(message) : message, table);
  const rpc = (request: unknown) => JSON.parse(raw(JSON.stringify(request)).toString("utf8"));
  const call = (method: string, params: Record<string, unknown> = {}, withApi = true) =>
    rpc({ jsonrpc: "2.0", id: `r${++id}`, method, params: withApi ? { api_h: trex.apiHandler, ...params } : params });
  const acquireAll = () =>
    trex.ports.map((port) => call("acquire", { port_id: port.portId, user: "tester", session_id: 77, force: true }).result as string);
  return { trex, clock, published, raw, rpc, call, acquireAll };
}

/** The continuous 1-pps stream the TRex driver sends, with a 60-byte template. */
export function continuousStream(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    enabled: true,
    self_start: true,
    flags: 0,
    action_count: 0,
    isg: 0,
    next_stream_id: -1,
    mode: { type: "continuous", rate: { type: "pps", value: 1 } },
    packet: { binary: Buffer.alloc(60).toString("base64"), meta: "" },
    vm: { instructions: [] },
    flow_stats: { enabled: false },
    ...overrides,
  };
}
