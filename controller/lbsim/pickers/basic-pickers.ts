/** The notebook's PickFirst, PickRandom and RoundRobin (per client, over the candidates in order). */
import type { World } from "../model/world.js";
import { NO_NEEDS, SimplePicker } from "./picker.js";
import type { PickerRegistration } from "./registration.js";

class FirstPicker extends SimplePicker {
  pick(_world: World, _request: number, _client: number, list: Int32Array, start: number): number {
    return list[start] as number;
  }
}

class RandomPicker extends SimplePicker {
  pick(world: World, _request: number, _client: number, list: Int32Array, start: number, count: number): number {
    return list[start + world.rng.picker.below(count)] as number;
  }
}

class RoundRobinPicker extends SimplePicker {
  private readonly next: Float64Array;

  constructor(clients: number) {
    super();
    this.next = new Float64Array(clients);
  }

  pick(_world: World, _request: number, client: number, list: Int32Array, start: number, count: number): number {
    const turn = this.next[client] as number;
    this.next[client] = turn + 1;
    return list[start + (turn % count)] as number;
  }
}

export const FIRST: PickerRegistration = {
  name: "first",
  options: [],
  summary: "always the first candidate (the notebook's PickFirst)",
  compile: () => ({ needs: NO_NEEDS, build: () => new FirstPicker() }),
};

export const RANDOM: PickerRegistration = {
  name: "random",
  options: [],
  summary: "a uniformly random candidate",
  compile: () => ({ needs: NO_NEEDS, build: () => new RandomPicker() }),
};

export const ROUND_ROBIN: PickerRegistration = {
  name: "roundRobin",
  options: [],
  summary: "each client cycles through its candidates in order",
  compile: (_spec, _path, env) => ({ needs: NO_NEEDS, build: () => new RoundRobinPicker(env.clients) }),
};
