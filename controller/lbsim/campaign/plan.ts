/**
 * A campaign's runs: every scenario x algorithm x replication, replication-major (all algorithms
 * of replication 0 first) so that partial results cover every algorithm. Seeds depend on the root
 * seed, the scenario and the replication, not on the algorithm: within a scenario every algorithm
 * meets the same arrivals, topology and resets (common random numbers, paired comparisons).
 */
import { createSplitMix64 } from "../../../common/devices/rng.js";
import { checkNumber } from "../config/check.js";
import type { SimConfigInput } from "../config/config-types.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { runConfigFor, type LbsimScenario } from "../scenarios/scenario-types.js";

export interface LbsimTask {
  /** Position in the plan. */
  readonly index: number;
  readonly scenario: string;
  readonly algorithm: string;
  readonly replication: number;
  readonly seed: number;
  readonly config: SimConfigInput;
}

export const DEFAULT_ROOT_SEED = 1;

/** FNV-1a: a stable 32-bit hash of a scenario name. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193) >>> 0;
  return hash;
}

/** The seed of one replication of one scenario: 53 bits of a SplitMix64 over (root, scenario, replication). */
export function replicationSeed(rootSeed: number, scenario: string, replication: number): number {
  const mixed = createSplitMix64(BigInt(rootSeed) ^ (BigInt(nameHash(scenario)) << 24n) ^ (BigInt(replication) << 56n));
  mixed.nextUint64();
  return Number(mixed.nextUint64() >> 11n);
}

export function planLbsimTasks(scenarios: readonly LbsimScenario[], replications: number, rootSeed = DEFAULT_ROOT_SEED): LbsimTask[] {
  checkNumber(LBSIM_ERROR_CODES.campaignOptionInvalid, "replications", replications, { integer: true, min: 1, max: 10_000 });
  checkNumber(LBSIM_ERROR_CODES.campaignOptionInvalid, "rootSeed", rootSeed, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
  const tasks: LbsimTask[] = [];
  for (let replication = 0; replication < replications; replication += 1) {
    for (const scenario of scenarios) {
      const seed = replicationSeed(rootSeed, scenario.name, replication);
      for (const algorithm of scenario.algorithms) {
        tasks.push(Object.freeze({ index: tasks.length, scenario: scenario.name, algorithm: algorithm.name, replication, seed, config: runConfigFor(scenario, algorithm) }));
      }
    }
  }
  return tasks;
}
