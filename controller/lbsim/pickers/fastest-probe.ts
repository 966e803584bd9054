/**
 * The notebook's FastestProbe: on the request's first pick, a probe goes to every candidate (in
 * shuffled order); the request waits (PICKING) until a probe returns, then takes the channel of the
 * first returned probe in that order that passes `validate`. validate "emptyQueue" accepts only a
 * server that reported an empty queue (the notebook's FastestProbeToEmptyServer compared the
 * queue window itself to 0, so it never accepted); when every probe is back and none passes,
 * the fastest one wins (the notebook ended the generator there by mistake).
 */
import { checkChoice } from "../config/check.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { KIND_PROBE, PICKING } from "../model/request-table.js";
import { COLUMN, columnBit } from "../model/snapshot-table.js";
import { LATENCY_OFFSET_TICKS, createProbe, send } from "../model/transport.js";
import type { World } from "../model/world.js";
import { NO_NEEDS, SimplePicker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";
import { ensureFloat64, ensureInt32 } from "./sampling.js";

const VALIDATIONS = ["any", "emptyQueue"] as const;
const WAITING = 0;
const RETURNED = 1;
const PASSED = 2;

class FastestProbePicker extends SimplePicker {
  private slotChannel = new Int32Array(0);
  private slotStatus = new Int32Array(0);
  private slotLatency = new Float64Array(0);
  private slotCount = new Int32Array(0);

  constructor(
    private readonly slots: number,
    private readonly emptyQueueOnly: boolean,
  ) {
    super();
  }

  private ensure(capacity: number): void {
    this.slotChannel = ensureInt32(this.slotChannel, capacity * this.slots);
    this.slotStatus = ensureInt32(this.slotStatus, capacity * this.slots);
    this.slotLatency = ensureFloat64(this.slotLatency, capacity * this.slots);
    this.slotCount = ensureInt32(this.slotCount, capacity);
  }

  override arrive(world: World, request: number): void {
    this.ensure(world.requests.capacity);
    this.slotCount[request] = 0;
  }

  private sendProbes(world: World, request: number, client: number, list: Int32Array, start: number, count: number): void {
    const base = request * this.slots;
    for (let index = 0; index < count; index += 1) this.slotChannel[base + index] = list[start + index] as number;
    for (let index = count - 1; index > 0; index -= 1) {
      const other = world.rng.picker.below(index + 1);
      const channel = this.slotChannel[base + index] as number;
      this.slotChannel[base + index] = this.slotChannel[base + other] as number;
      this.slotChannel[base + other] = channel;
    }
    this.slotCount[request] = count;
    for (let slot = 0; slot < count; slot += 1) {
      this.slotStatus[base + slot] = WAITING;
      const probe = createProbe(world, client, KIND_PROBE);
      world.requests.owner[probe] = request;
      world.requests.ownerGeneration[probe] = world.requests.generation[request] as number;
      world.requests.ownerSlot[probe] = slot;
      send(world, probe, this.slotChannel[base + slot] as number);
    }
  }

  pick(world: World, request: number, client: number, list: Int32Array, start: number, count: number): number {
    const slots = this.slotCount[request] as number;
    if (slots === 0) {
      this.sendProbes(world, request, client, list, start, count);
      return -1;
    }
    const base = request * this.slots;
    let fastest = -1;
    for (let slot = 0; slot < slots; slot += 1) {
      const status = this.slotStatus[base + slot] as number;
      if (status === PASSED) return this.slotChannel[base + slot] as number;
      if (status === WAITING) fastest = -2;
      else if (fastest !== -2 && (fastest === -1 || (this.slotLatency[base + slot] as number) < (this.slotLatency[base + fastest] as number))) fastest = slot;
    }
    return fastest >= 0 ? (this.slotChannel[base + fastest] as number) : -1;
  }

  override responded(world: World, probe: number): void {
    const { requests } = world;
    const owner = requests.owner[probe] as number;
    if (requests.kind[probe] !== KIND_PROBE || owner < 0) return;
    if (requests.generation[owner] !== requests.ownerGeneration[probe] || requests.state[owner] !== PICKING) return;
    const slot = owner * this.slots + (requests.ownerSlot[probe] as number);
    this.slotLatency[slot] = world.tick - (requests.startedTick[probe] as number) + LATENCY_OFFSET_TICKS;
    const passes = !this.emptyQueueOnly || world.snapshots.get(requests.snapshot[probe] as number, COLUMN.queuedLatest) === 0;
    this.slotStatus[slot] = passes ? PASSED : RETURNED;
  }
}

export const FASTEST_PROBE: PickerRegistration = {
  name: "fastestProbe",
  options: ["validate"],
  summary: "probe every candidate, take the first probe back (validate: any | emptyQueue)",
  compile(spec, path, env) {
    const validate = spec.validate === undefined ? "any" : checkChoice(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.validate`, spec.validate, VALIDATIONS);
    const emptyQueueOnly = validate === "emptyQueue";
    const needs = emptyQueueOnly ? Object.freeze({ snapshotColumns: columnBit(COLUMN.queuedLatest), serverPid: false }) : NO_NEEDS;
    return { needs, build: () => new FastestProbePicker(env.channelsPerClient, emptyQueueOnly) };
  },
};
