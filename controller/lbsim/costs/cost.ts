/**
 * A cost function: what sending on a channel would cost in the client's eyes, lower is better,
 * NaN when the client has no data yet (the notebook's None). Costs are stateless; they read the
 * world (the channel's own counters, or a server-state snapshot).
 */
import type { World } from "../model/world.js";
import type { PickerNeeds } from "../pickers/picker.js";

export interface CostFunction {
  readonly name: string;
  /** Every value is a whole number (RIF counts): HCL keeps its health history in a counting tree then. */
  readonly integerValued: boolean;
  readonly needs: PickerNeeds;
  cost(world: World, channel: number): number;
}
