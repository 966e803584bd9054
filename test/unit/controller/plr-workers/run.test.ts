import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../common/clock.js";
import { createDevice } from "../../../../common/devices/create.js";
import { createSimulatedMeasurer } from "../../../../controller/measurers/simulated.js";
import { createWorkerPoolIntegrator } from "../../../../controller/plr-workers/pool.js";
import { runPlrSearchOnWorkers } from "../../../../controller/plr-workers/run.js";
import { createDeterministicIntegrator } from "../../../../controller/search/plr/deterministic-integrator.js";
import { runPlrSearch } from "../../../../controller/search/plr/search.js";
import { fixtureUrl, job } from "./jobs.js";

const integratorJobOf = () => job("stretch", 1, 1);

function simulated() {
  const clock = new VirtualClock();
  return { clock, measurer: createSimulatedMeasurer({ device: createDevice({ kind: "erf", mrrPps: 5e6, spreadPps: 5e4, seed: 2 }), clock }) };
}

const options = { maxLoadPps: 1e7, maxTrials: 8, samplesPerTrial: 300 };

describe("PLRsearch on worker threads", () => {
  it("gives the deterministic integrator's result for a fixed sample count, with a measured sampling rate", async () => {
    const onWorkers = await runPlrSearchOnWorkers({ ...simulated(), options });
    const inThread = await runPlrSearch({ ...simulated(), options, integrator: createDeterministicIntegrator() });
    expect(onWorkers.avgPps).toBe(inThread.avgPps);
    expect(onWorkers.stdevPps).toBe(inThread.stdevPps);
    expect(onWorkers.trials.map((trial) => trial.loadPps)).toEqual(inThread.trials.map((trial) => trial.loadPps));
    expect(onWorkers.samplesPerSecond).toBeGreaterThan(1000);
  });

  it("validates options before starting any worker", async () => {
    await expect(runPlrSearchOnWorkers({ ...simulated(), options: { maxLoadPps: 1e7, minLoadPps: 1e7 } })).rejects.toThrow(
      "PLRsearch option maxLoadPps must be greater than minLoadPps (10000000), got 10000000",
    );
  });

  it.each([
    ["hang-worker.mjs", "PLR_WORKER_TIMEOUT"],
    ["throw-worker.mjs", "PLR_WORKER_FAILED"],
  ])("stops the search cleanly when a worker fails (%s): a clear error and no worker left running", async (script, code) => {
    const integrator = createWorkerPoolIntegrator({ workerUrl: fixtureUrl(script), stopTimeoutS: 0.2 });
    const { clock, measurer } = simulated();
    const trials: number[] = [];
    const search = runPlrSearch({ measurer, clock, integrator, options: { maxLoadPps: 1e7 }, onTrial: (record) => trials.push(record.trialNumber) });
    await expect(search).rejects.toMatchObject({ code, message: expect.stringContaining("every integrator worker was terminated") });
    expect(trials).toEqual([]);
    expect(integrator.liveWorkerCount).toBe(0);
    expect(() => integrator.start({ ...integratorJobOf(), fitting: "erf" })).toThrow(expect.objectContaining({ code }));
  });
});
