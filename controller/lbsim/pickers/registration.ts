/** How a picker is registered: its name, the options it takes, and how a spec becomes a plan. */
import type { PickerSpec } from "../config/config-types.js";
import type { PickerPlan } from "./picker.js";

export interface PickerEnv {
  readonly servers: number;
  readonly clients: number;
  readonly channelsPerClient: number;
  /** True under a picker that narrows the candidates (subset): they are not always the client's full channel list. */
  readonly narrowed: boolean;
  /** Compile a nested picker (`inner`) at `path`; `narrows` when this picker hands it fewer candidates. */
  compileInner(spec: unknown, path: string, narrows?: boolean): PickerPlan;
}

export interface PickerRegistration {
  readonly name: string;
  /** Options besides `picker`. */
  readonly options: readonly string[];
  /** One line for docs and error messages. */
  readonly summary: string;
  /** Validate the spec (options are known keys already) and return the plan; ValidationError otherwise. */
  compile(spec: PickerSpec, path: string, env: PickerEnv): PickerPlan;
}
