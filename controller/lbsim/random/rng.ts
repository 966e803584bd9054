/**
 * The simulator's random streams: xoshiro128** (Blackman, Vigna 2018) on 32-bit integer state,
 * a few nanoseconds per draw, seeded through the project's SplitMix64 (common/devices/rng.ts).
 * One run uses several independent streams so that pickers compared under the same seed see the
 * same arrivals, topology and resets (common random numbers).
 */
import { createSplitMix64 } from "../../../common/devices/rng.js";

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

function rotl(value: number, shift: number): number {
  return (value << shift) | (value >>> (32 - shift));
}

export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = Number.NaN;

  constructor(words: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = words.map((word) => word | 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const shifted = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= shifted;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform on the open interval (0, 1) with 53 random bits (two outputs). */
  uniform(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * TWO_POW_26 + low + 0.5) / TWO_POW_53;
  }

  /** A uniform integer in [0, n) for n >= 1. */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal by the polar method; the second value of each pair is kept for the next call. */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    for (;;) {
      const x = 2 * this.uniform() - 1;
      const y = 2 * this.uniform() - 1;
      const radiusSquared = x * x + y * y;
      if (radiusSquared >= 1 || radiusSquared === 0) continue;
      const factor = Math.sqrt((-2 * Math.log(radiusSquared)) / radiusSquared);
      this.spareNormal = y * factor;
      return x * factor;
    }
  }
}

/** What each stream is for; the order fixes how streams derive from the seed. */
export const STREAM_NAMES = ["arrivals", "topology", "resets", "service", "picker"] as const;
export type StreamName = (typeof STREAM_NAMES)[number];
export type RandomStreams = Readonly<Record<StreamName, RandomStream>>;

/** Independent streams for one run: each takes 128 bits from a SplitMix64 seeded with `seed`. */
export function createRandomStreams(seed: number): RandomStreams {
  const seeder = createSplitMix64(seed);
  const word = (value: bigint, high: boolean): number => Number(high ? value >> 32n : value & 0xffffffffn);
  const streams: Partial<Record<StreamName, RandomStream>> = {};
  for (const name of STREAM_NAMES) {
    const first = seeder.nextUint64();
    const second = seeder.nextUint64();
    streams[name] = new RandomStream([word(first, false), word(first, true), word(second, false), word(second, true)]);
  }
  return Object.freeze(streams as Record<StreamName, RandomStream>);
}
