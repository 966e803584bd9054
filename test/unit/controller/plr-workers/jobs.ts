/** A small integration job (four trials of a stretch device) for the worker-pool tests. */
import { createDevice } from "../../../../common/devices/create.js";
import { makeTrialResult } from "../../../../controller/search/measurer.js";
import type { FittingName } from "../../../../controller/search/plr/fitting.js";
import type { IntegrationJob } from "../../../../controller/search/plr/integrator.js";
import { buildTrialTable } from "../../../../controller/search/plr/trial-table.js";

const device = createDevice({ kind: "stretch", mrrPps: 1e7, spreadPps: 1e5, seed: 5 });
const trials = buildTrialTable(
  [7.4e6, 1.488e7, 9.9e6, 9.2e6].map((loadPps, index) => {
    const durationS = 0.1 * (51 + index);
    return makeTrialResult({ durationS, loadPps, ...device.trial(loadPps, durationS) });
  }),
);

export function job(fitting: FittingName, minSamples: number, maxSamples: number): IntegrationJob {
  return { fitting, trials, minLoadPps: 9001, maxLoadPps: 1.488e7, lossRatioTarget: 1e-7, focus: null, seed: 0, scaleCoefficient: 5, minSamples, maxSamples };
}

export const fixtureUrl = (name: string): URL => new URL(`./fixtures/${name}`, import.meta.url);
