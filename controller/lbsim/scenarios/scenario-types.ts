/** A campaign as data: scenarios (settings) x algorithms (pickers, sometimes with their own settings). */
import type { PickerSpec, SimConfigInput, SimOverrides } from "../config/config-types.js";

export interface LbsimAlgorithm {
  readonly name: string;
  readonly picker: PickerSpec;
  /** Settings this algorithm changes on top of its scenario's (e.g. a lower request rate to pay for probes). */
  readonly overrides?: SimOverrides;
}

export interface LbsimScenario {
  readonly name: string;
  readonly description: string;
  /** Settings changed from the notebook's TestManager defaults. */
  readonly overrides: SimOverrides;
  readonly algorithms: readonly LbsimAlgorithm[];
}

/** The config of one algorithm in one scenario. */
export function runConfigFor(scenario: LbsimScenario, algorithm: LbsimAlgorithm): SimConfigInput {
  return { ...scenario.overrides, ...(algorithm.overrides ?? {}), picker: algorithm.picker };
}
