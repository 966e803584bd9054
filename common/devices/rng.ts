/**
 * The seeded random source of the simulated devices: SplitMix64 (Steele, Lea, Flood 2014)
 * on an exact 64-bit BigInt state, as the conformance vectors' reference devices use it.
 */

const MASK_64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const MIX_1 = 0xbf58476d1ce4e5b9n;
const MIX_2 = 0x94d049bb133111ebn;
const TWO_POW_53 = 2 ** 53;

/** A stream of draws. Every method consumes a fixed, documented number of 64-bit outputs. */
export interface Rng {
  /** Next raw 64-bit output (one step). */
  nextUint64(): bigint;
  /** Uniform on the open interval (0, 1): ((x >> 11) + 0.5) / 2^53 (one step). */
  uniform(): number;
  /** Standard normal by Box-Muller, cosine branch, no caching (two steps: radius, then angle). */
  normal(): number;
}

class SplitMix64 implements Rng {
  private state: bigint;

  constructor(seed: bigint) {
    this.state = BigInt.asUintN(64, seed);
  }

  nextUint64(): bigint {
    this.state = (this.state + GOLDEN_GAMMA) & MASK_64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * MIX_1) & MASK_64;
    z = ((z ^ (z >> 27n)) * MIX_2) & MASK_64;
    return z ^ (z >> 31n);
  }

  uniform(): number {
    return (Number(this.nextUint64() >> 11n) + 0.5) / TWO_POW_53;
  }

  normal(): number {
    const radiusUniform = this.uniform();
    const angleUniform = this.uniform();
    return Math.sqrt(-2 * Math.log(radiusUniform)) * Math.cos(2 * Math.PI * angleUniform);
  }
}

/** A SplitMix64 stream; the seed is taken modulo 2^64 (a non-negative safe integer in practice). */
export function createSplitMix64(seed: number | bigint): Rng {
  if (typeof seed === "number" && !Number.isSafeInteger(seed)) {
    throw new RangeError(`createSplitMix64 needs an integer seed, got ${seed}`);
  }
  return new SplitMix64(BigInt(seed));
}
