/**
 * The notebook's Subset: on arrival, `size` candidates drawn with replacement (random.choices),
 * then the inner picker chooses among them.
 */
import { checkNumber } from "../config/check.js";
import type { PickerSpec } from "../config/config-types.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import type { World } from "../model/world.js";
import type { Picker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";
import { ensureInt32 } from "./sampling.js";

class SubsetPicker implements Picker {
  private candidates = new Int32Array(0);

  constructor(
    private readonly inner: Picker,
    private readonly size: number,
  ) {}

  arrive(world: World, request: number, client: number, list: Int32Array, start: number, count: number): void {
    const size = this.size;
    this.candidates = ensureInt32(this.candidates, world.requests.capacity * size);
    const first = request * size;
    for (let index = 0; index < size; index += 1) this.candidates[first + index] = list[start + world.rng.picker.below(count)] as number;
    this.inner.arrive(world, request, client, this.candidates, first, size);
  }

  pick(world: World, request: number, client: number): number {
    return this.inner.pick(world, request, client, this.candidates, request * this.size, this.size);
  }

  responded(world: World, request: number, channel: number): void {
    this.inner.responded(world, request, channel);
  }
}

export const SUBSET: PickerRegistration = {
  name: "subset",
  options: ["size", "inner"],
  summary: "`size` random candidates (with replacement) per request, then the `inner` picker",
  compile(spec, path, env) {
    const size = checkNumber(LBSIM_ERROR_CODES.pickerOptionInvalid, `${path}.size`, spec.size ?? 2, { integer: true, min: 1, max: env.channelsPerClient });
    const inner = env.compileInner(spec.inner as PickerSpec | undefined, `${path}.inner`, true);
    return { needs: inner.needs, build: (world) => new SubsetPicker(inner.build(world), size) };
  },
};
