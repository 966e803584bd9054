/**
 * The notebook's WithProbes: on arrival, probes go to randomly sampled candidates (without
 * replacement), RandomRound(probesPerRequest) of them but no more than there are candidates with
 * nothing in flight; the inner picker then picks. Probes are requests that cost a server thread
 * for probeProcessingTicks and bring back the server's state.
 */
import { checkNumber } from "../config/check.js";
import type { PickerSpec } from "../config/config-types.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { KIND_PROBE } from "../model/request-table.js";
import { createProbe, send } from "../model/transport.js";
import type { World } from "../model/world.js";
import { randomRound } from "../random/distributions.js";
import type { Picker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";
import { sampleDistinct } from "./sampling.js";

class WithProbesPicker implements Picker {
  private readonly scratch: Int32Array;
  private readonly chosen: Int32Array;

  constructor(
    private readonly inner: Picker,
    private readonly probesPerRequest: number,
    channelsPerClient: number,
  ) {
    this.scratch = new Int32Array(channelsPerClient);
    this.chosen = new Int32Array(channelsPerClient);
  }

  arrive(world: World, request: number, client: number, list: Int32Array, start: number, count: number): void {
    let idle = 0;
    for (let index = start; index < start + count; index += 1) if (world.channels.inFlight[list[index] as number] === 0) idle += 1;
    const probes = Math.min(idle, randomRound(world.rng.picker, this.probesPerRequest));
    sampleDistinct(world.rng.picker, list, start, count, probes, this.scratch, this.chosen);
    for (let index = 0; index < probes; index += 1) send(world, createProbe(world, client, KIND_PROBE), this.chosen[index] as number);
    this.inner.arrive(world, request, client, list, start, count);
  }

  pick(world: World, request: number, client: number, list: Int32Array, start: number, count: number): number {
    return this.inner.pick(world, request, client, list, start, count);
  }

  responded(world: World, request: number, channel: number): void {
    this.inner.responded(world, request, channel);
  }
}

export const WITH_PROBES: PickerRegistration = {
  name: "withProbes",
  options: ["probesPerRequest", "inner"],
  summary: "probe idle-ish candidates on arrival (probesPerRequest, default 2), then the `inner` picker",
  compile(spec, path, env) {
    const probesPerRequest = checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.probesPerRequest`, spec.probesPerRequest ?? 2, { min: 0 });
    const inner = env.compileInner(spec.inner as PickerSpec | undefined, `${path}.inner`);
    return { needs: inner.needs, build: (world) => new WithProbesPicker(inner.build(world), probesPerRequest, env.channelsPerClient) };
  },
};
