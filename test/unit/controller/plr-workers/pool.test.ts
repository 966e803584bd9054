import { afterEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import type { WorkerPoolIntegrator } from "../../../../controller/plr-workers/pool.js";
import { createWorkerPoolIntegrator } from "../../../../controller/plr-workers/pool.js";
import { runIntegration } from "../../../../controller/search/plr/integration.js";
import type { IntegrationEstimate } from "../../../../controller/search/plr/integrator.js";
import { fixtureUrl, job } from "./jobs.js";

const pools: WorkerPoolIntegrator[] = [];
function pool(options: Parameters<typeof createWorkerPoolIntegrator>[0] = {}): WorkerPoolIntegrator {
  const created = createWorkerPoolIntegrator(options);
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((each) => each.close()));
});

const untimed = (estimate: IntegrationEstimate | undefined): IntegrationEstimate | undefined => estimate && { ...estimate, busyS: null };
const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected a rejection");
}

describe("worker pool integrator", () => {
  it("runs one worker per fitting function and computes runIntegration's estimates bit for bit, timed", async () => {
    const integrator = pool();
    expect(integrator.liveWorkerCount).toBe(2);
    const handles = [integrator.start(job("stretch", 400, 400)), integrator.start(job("erf", 400, 400))];
    const [stretch, erf] = await Promise.all(handles.map((handle) => handle.stop()));
    expect(untimed(stretch)).toEqual(runIntegration(job("stretch", 400, 400)));
    expect(untimed(erf)).toEqual(runIntegration(job("erf", 400, 400)));
    expect(stretch?.busyS).toBeGreaterThan(0);
  });

  it("keeps computing until stopped, stops promptly, and keeps its workers for the next job", async () => {
    const integrator = pool();
    await integrator.start(job("stretch", 5, 5)).stop(); // the worker thread has booted
    for (let round = 0; round < 3; round += 1) {
      const handle = integrator.start(job("stretch", 1, Infinity));
      await sleepMs(200);
      const stopAtMs = performance.now();
      const estimate = await handle.stop();
      expect(performance.now() - stopAtMs).toBeLessThan(500);
      expect(estimate.samples).toBeGreaterThan(10);
      expect(handle.stop()).toBe(handle.stop());
    }
    expect(integrator.liveWorkerCount).toBe(2);
  });

  it("waits for a slow worker that keeps making progress (a fixed count longer than the stop timeout)", async () => {
    const integrator = pool({ stopTimeoutS: 0.1 });
    const startMs = performance.now();
    const estimate = await integrator.start(job("erf", 30_000, 30_000)).stop();
    expect(estimate.samples).toBe(30_000);
    expect(performance.now() - startMs).toBeGreaterThan(100);
  });

  it("fails with PLR_INTEGRATOR_FAILED when a job throws in the worker, terminating every worker", async () => {
    const integrator = pool();
    const healthy = integrator.start(job("erf", 1, Infinity));
    const error = await failureOf(integrator.start(job("stretch", 0, 0)).stop());
    expect(error.code).toBe("PLR_INTEGRATOR_FAILED");
    expect(error.message).toContain("PLRsearch integrator for the stretch fitting function failed in its worker thread: runIntegration needs");
    expect(error.message).toContain("every integrator worker was terminated");
    expect((error.cause as Error).stack).toContain("runIntegration");
    expect(integrator.liveWorkerCount).toBe(0);
    expect(integrator.failure).toBe(error);
    expect(await failureOf(healthy.stop())).toBe(error);
    expect(() => integrator.start(job("erf", 5, 5))).toThrow(error);
  });

  it("has no worker for an unknown fitting function", async () => {
    expect(() => pool().start({ ...job("stretch", 1, 1), fitting: "spline" as "stretch" })).toThrow(
      expect.objectContaining({ code: "PLR_INTEGRATOR_FAILED", message: expect.stringContaining('no worker for the fitting function "spline"') }),
    );
  });

  it("fails with PLR_WORKER_TIMEOUT when a worker hangs, terminating every worker", async () => {
    const integrator = pool({ workerUrl: fixtureUrl("hang-worker.mjs"), stopTimeoutS: 0.3 });
    const other = integrator.start(job("erf", 1, Infinity));
    const startMs = performance.now();
    const error = await failureOf(integrator.start(job("stretch", 1, Infinity)).stop());
    expect(performance.now() - startMs).toBeGreaterThanOrEqual(290);
    expect(error.code).toBe("PLR_WORKER_TIMEOUT");
    expect(error.message).toMatch(/worker thread for the stretch fitting function made no progress for 0.3 s after it was told to stop/);
    expect(integrator.liveWorkerCount).toBe(0);
    expect(await failureOf(other.stop())).toBe(error);
  });

  it("fails with PLR_WORKER_TIMEOUT when a worker never finishes loading (its own, longer limit)", async () => {
    const integrator = pool({ workerUrl: fixtureUrl("never-ready-worker.mjs"), stopTimeoutS: 0.1, bootTimeoutS: 0.4 });
    const startMs = performance.now();
    const error = await failureOf(integrator.start(job("erf", 1, Infinity)).stop());
    expect(performance.now() - startMs).toBeGreaterThanOrEqual(390);
    expect(error.code).toBe("PLR_WORKER_TIMEOUT");
    expect(error.message).toContain("worker thread for the erf fitting function did not finish loading within 0.4 s");
    expect(integrator.liveWorkerCount).toBe(0);
  });

  it.each([
    ["throw-worker.mjs", "raised an uncaught error: boom: integrator state corrupted"],
    ["exit-worker.mjs", "exited unexpectedly with code 3"],
  ])("fails with PLR_WORKER_FAILED when the worker thread dies (%s)", async (script, what) => {
    const integrator = pool({ workerUrl: fixtureUrl(script) });
    const error = await failureOf(integrator.start(job("stretch", 1, Infinity)).stop());
    expect(error.code).toBe("PLR_WORKER_FAILED");
    expect(error.message).toContain(`worker thread for the stretch fitting function ${what}`);
    expect(integrator.liveWorkerCount).toBe(0);
  });

  it("refuses a second job for a busy worker, and any job after close()", async () => {
    const integrator = pool();
    const first = integrator.start(job("stretch", 1, Infinity));
    expect(() => integrator.start(job("stretch", 1, 1))).toThrow(expect.objectContaining({ code: "PLR_INTEGRATOR_BUSY" }));
    await first.stop();
    await integrator.close();
    await integrator.close();
    expect(integrator.liveWorkerCount).toBe(0);
    expect(() => integrator.start(job("stretch", 1, 1))).toThrow(expect.objectContaining({ code: "PLR_INTEGRATOR_CLOSED" }));
  });

  it("rejects a bad stop timeout before starting workers", () => {
    expect(() => createWorkerPoolIntegrator({ stopTimeoutS: 0 })).toThrow(ValidationError);
    expect(() => createWorkerPoolIntegrator({ stopTimeoutS: Infinity })).toThrow(/stopTimeoutS must be a finite number > 0 \(seconds\), got Infinity/);
    expect(() => createWorkerPoolIntegrator({ bootTimeoutS: -1 })).toThrow(/bootTimeoutS must be a finite number > 0 \(seconds\), got -1/);
  });
});
