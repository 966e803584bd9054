/** A validated, frozen config: the settings with derived values, and the compiled picker. */
import type { PickerPlan } from "../pickers/picker.js";
import type { PickerSpec, SimSettings } from "./config-types.js";

export interface CompiledSettings extends SimSettings {
  /** Channels each client holds: subsetSize, or every server. */
  readonly channelsPerClient: number;
  /** The last WARMING tick: floor(min(3 * (channel RTT + server RTT + processing), totalTicks / 2)). */
  readonly warmupTicks: number;
}

export interface CompiledSimConfig extends CompiledSettings {
  readonly picker: PickerSpec;
  readonly pickerPlan: PickerPlan;
}

/** The notebook's warm-up: three nominal request round trips, at most half the run. */
export function warmupTicksFor(settings: SimSettings): number {
  const roundTripTicks = settings.meanChannelRttTicks + settings.meanServerRttTicks + settings.meanProcessingTicks;
  return Math.floor(Math.min(roundTripTicks * 3, settings.totalTicks / 2));
}
