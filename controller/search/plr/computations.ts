/**
 * The pair of computations (one per fitting function) that runs around one measurement: start
 * both, and stop both so that neither is left running, whatever fails.
 */
import type { FittingName } from "./fitting.js";
import { FITTING_NAMES } from "./fitting.js";
import type { FocusState } from "./focus-tracker.js";
import type { IntegrationEstimate, IntegrationHandle, IntegrationJob, Integrator } from "./integrator.js";

export type FittingRecord<T> = Readonly<Record<FittingName, T>>;

export class ComputationPair {
  private constructor(private readonly handles: readonly IntegrationHandle[]) {}

  /** Start one computation per fitting function; if a start throws, the ones already started are stopped first. */
  static async start(
    integrator: Integrator,
    jobFor: (fitting: FittingName, focus: FocusState | null) => IntegrationJob,
    focus: FittingRecord<FocusState | null>,
  ): Promise<ComputationPair> {
    const handles: IntegrationHandle[] = [];
    try {
      for (const fitting of FITTING_NAMES) handles.push(integrator.start(jobFor(fitting, focus[fitting])));
    } catch (error) {
      await new ComputationPair(handles).discard();
      throw error;
    }
    return new ComputationPair(handles);
  }

  /** Stop both; rejects with the first failure, but only after both have settled. */
  async stop(): Promise<FittingRecord<IntegrationEstimate>> {
    const settled = await Promise.allSettled(this.handles.map((handle) => handle.stop()));
    const estimates: Partial<Record<FittingName, IntegrationEstimate>> = {};
    for (const [index, outcome] of settled.entries()) {
      if (outcome.status === "rejected") throw outcome.reason;
      estimates[FITTING_NAMES[index] as FittingName] = outcome.value;
    }
    return estimates as FittingRecord<IntegrationEstimate>;
  }

  /** Stop both and ignore their results or failures (the search is failing for another reason). */
  async discard(): Promise<void> {
    await Promise.allSettled(this.handles.map((handle) => handle.stop()));
  }
}
