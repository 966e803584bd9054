/**
 * Prequal as published: each request triggers probesPerRequest asynchronous probes (fractional
 * rates spread evenly) to distinct random candidates; a probe is answered on arrival at the server
 * with its RIF and the latency it expects at that RIF, and joins the client's pool with a reuse
 * budget. A pick ages the pool (maxAgeTicks), takes the hot/cold threshold as the qRif quantile of
 * recent probed RIFs, selects by HCL, adds 1 to the used entry's RIF, and removes
 * removesPerRequest entries, alternating oldest and worst. Below 2 pooled answers it picks at random.
 * Reuse budget: max(1, (1 + reuseDelta) / ((1 - poolSize/n) * probesPerRequest - removesPerRequest))
 * randomly rounded, n the client's channels; maxReuse when the denominator is not positive.
 */
import { checkNumber } from "../config/check.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { KIND_LOAD_PROBE } from "../model/request-table.js";
import { createProbe, send } from "../model/transport.js";
import type { World } from "../model/world.js";
import { randomRound } from "../random/distributions.js";
import { NO_NEEDS, type Picker } from "./picker.js";
import { PrequalPools } from "./prequal-pool.js";
import type { PickerRegistration } from "./registration.js";
import { sampleDistinct } from "./sampling.js";

export interface PrequalOptions {
  readonly probesPerRequest: number;
  readonly poolSize: number;
  readonly maxAgeTicks: number;
  readonly qRif: number;
  readonly removesPerRequest: number;
  readonly reuseDelta: number;
  readonly maxReuse: number;
  readonly rifHistory: number;
}

export const PREQUAL_DEFAULTS: PrequalOptions = Object.freeze({
  probesPerRequest: 3,
  poolSize: 16,
  maxAgeTicks: 1000,
  qRif: 0.84,
  removesPerRequest: 1,
  reuseDelta: 1,
  maxReuse: 16,
  rifHistory: 64,
});

/** How many whole events a fractional rate yields this time, carrying the remainder. */
function takeWhole(accumulators: Float64Array, slot: number, rate: number): number {
  const total = (accumulators[slot] as number) + rate;
  const whole = Math.floor(total);
  accumulators[slot] = total - whole;
  return whole;
}

class PrequalPicker implements Picker {
  private readonly pools: PrequalPools;
  private readonly probeCredit: Float64Array;
  private readonly removeCredit: Float64Array;
  private readonly removeOldestNext: Uint8Array;
  private readonly scratch: Int32Array;
  private readonly chosen: Int32Array;
  private readonly reuseBudget: number;
  private candidates: Int32Array = new Int32Array(0);
  private candidatesStart = 0;
  private candidatesCount = 0;
  private readonly everywhere = (): boolean => true;
  private readonly amongCandidates = (channel: number): boolean => {
    for (let index = this.candidatesStart; index < this.candidatesStart + this.candidatesCount; index += 1) if (this.candidates[index] === channel) return true;
    return false;
  };

  constructor(
    private readonly options: PrequalOptions,
    clients: number,
    private readonly channelsPerClient: number,
  ) {
    this.pools = new PrequalPools(clients, options.poolSize, options.rifHistory);
    this.probeCredit = new Float64Array(clients);
    this.removeCredit = new Float64Array(clients);
    this.removeOldestNext = new Uint8Array(clients).fill(1);
    this.scratch = new Int32Array(channelsPerClient);
    this.chosen = new Int32Array(channelsPerClient);
    const denominator = (1 - options.poolSize / channelsPerClient) * options.probesPerRequest - options.removesPerRequest;
    this.reuseBudget = denominator > 0 ? Math.min(options.maxReuse, Math.max(1, (1 + options.reuseDelta) / denominator)) : options.maxReuse;
  }

  arrive(world: World, _request: number, client: number, list: Int32Array, start: number, count: number): void {
    const probes = Math.min(count, takeWhole(this.probeCredit, client, this.options.probesPerRequest));
    sampleDistinct(world.rng.picker, list, start, count, probes, this.scratch, this.chosen);
    for (let index = 0; index < probes; index += 1) send(world, createProbe(world, client, KIND_LOAD_PROBE), this.chosen[index] as number);
  }

  pick(world: World, _request: number, client: number, list: Int32Array, start: number, count: number): number {
    const { pools, options } = this;
    pools.expire(client, world.tick, options.maxAgeTicks);
    const threshold = pools.threshold(client, options.qRif);
    const narrowed = list !== world.channelIds || count !== this.channelsPerClient;
    this.candidates = list;
    this.candidatesStart = start;
    this.candidatesCount = count;
    const index = pools.select(client, threshold, narrowed ? this.amongCandidates : this.everywhere);
    const channel =
      index >= 0 && (pools.size[client] as number) >= 2 ? pools.consume(client, index) : (list[start + world.rng.picker.below(count)] as number);
    for (let removals = takeWhole(this.removeCredit, client, options.removesPerRequest); removals > 0; removals -= 1) {
      if (this.removeOldestNext[client] === 1) pools.removeOldest(client);
      else pools.removeWorst(client, threshold);
      this.removeOldestNext[client] = this.removeOldestNext[client] === 1 ? 0 : 1;
    }
    return channel;
  }

  responded(world: World, request: number, channel: number): void {
    const { requests } = world;
    if (requests.kind[request] !== KIND_LOAD_PROBE) return;
    const client = requests.client[request] as number;
    const rif = requests.reportedRif[request] as number;
    this.pools.pushRif(client, rif);
    const uses = randomRound(world.rng.picker, this.reuseBudget);
    this.pools.insert(client, channel, world.tick, rif, requests.reportedLatencyTicks[request] as number, uses);
  }
}

function option(spec: Partial<PrequalOptions>, path: string, key: keyof PrequalOptions, rule: Parameters<typeof checkNumber>[3]): number {
  return checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.${key}`, spec[key] ?? PREQUAL_DEFAULTS[key], rule);
}

export const PREQUAL: PickerRegistration = {
  name: "prequal",
  options: ["probesPerRequest", "poolSize", "maxAgeTicks", "qRif", "removesPerRequest", "reuseDelta", "maxReuse", "rifHistory"],
  summary: "Prequal: asynchronous load probes, a reusable probe pool, HCL on the qRif quantile of probed RIFs",
  compile(spec, path, env) {
    const options: PrequalOptions = Object.freeze({
      probesPerRequest: option(spec, path, "probesPerRequest", { min: 0 }),
      poolSize: option(spec, path, "poolSize", { integer: true, min: 1 }),
      maxAgeTicks: option(spec, path, "maxAgeTicks", { min: 0 }),
      qRif: option(spec, path, "qRif", { min: 0, max: 1 }),
      removesPerRequest: option(spec, path, "removesPerRequest", { min: 0 }),
      reuseDelta: option(spec, path, "reuseDelta", { min: 0 }),
      maxReuse: option(spec, path, "maxReuse", { integer: true, min: 1 }),
      rifHistory: option(spec, path, "rifHistory", { integer: true, min: 1 }),
    });
    return { needs: NO_NEEDS, build: (world) => new PrequalPicker(options, world.settings.clients, env.channelsPerClient) };
  },
};
