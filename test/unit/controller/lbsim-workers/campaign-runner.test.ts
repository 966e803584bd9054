import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import type { LbsimProgress } from "../../../../controller/lbsim/campaign/campaign-result.js";
import { runLbsimCampaignSerial } from "../../../../controller/lbsim/campaign/run-serial.js";
import { runLbsimCampaign } from "../../../../controller/lbsim-workers/pool.js";
import { workerScriptUrl } from "../../../../controller/lbsim-workers/worker-url.js";
import { SMALL_SCENARIOS } from "../lbsim/helpers.js";

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

describe("worker script location", () => {
  it("is the sibling worker.js compiled, and the built worker in dist/ from TypeScript sources", () => {
    expect(workerScriptUrl("file:///opt/tb/dist/controller/lbsim-workers/worker-url.js").href).toBe("file:///opt/tb/dist/controller/lbsim-workers/worker.js");
    expect(workerScriptUrl("file:///opt/tb/controller/lbsim-workers/worker-url.ts").href).toBe("file:///opt/tb/dist/controller/lbsim-workers/worker.js");
    expect(existsSync(fileURLToPath(workerScriptUrl()))).toBe(true);
  });
});

describe("runLbsimCampaign on worker threads (the compiled worker in dist/)", () => {
  it("computes exactly the serial runner's metrics, in plan order, with progress for every run", async () => {
    const progress: LbsimProgress[] = [];
    const arrived: string[] = [];
    const result = await runLbsimCampaign({
      scenarios: SMALL_SCENARIOS,
      replications: 2,
      workers: 2,
      rootSeed: 9,
      onProgress: (report) => progress.push(report),
      onRun: (run) => arrived.push(`${run.scenario}/${run.algorithm}/${run.replication}`),
    });
    const serial = runLbsimCampaignSerial(SMALL_SCENARIOS, 2, 9);
    expect(result.ended).toBe("done");
    expect(result.failures).toEqual([]);
    expect(result.runs.map(({ wallMs: _wallMs, ...rest }) => rest)).toEqual(serial.runs.map(({ wallMs: _wallMs, ...rest }) => rest));
    expect(result.runs.every((run) => (run.wallMs ?? 0) > 0)).toBe(true);
    expect(progress).toHaveLength(8);
    expect(progress.at(-1)).toMatchObject({ total: 8, completed: 8, failed: 0, running: 0 });
    expect(progress.at(-1)?.etaMs).toBe(0);
    expect(arrived).toHaveLength(8);
  });

  it("leaves out the tasks `skip` names (resume)", async () => {
    const result = await runLbsimCampaign({ scenarios: SMALL_SCENARIOS, replications: 2, workers: 1, skip: (task) => task.replication === 0 });
    expect(result.skipped).toBe(4);
    expect(result.runs.map((run) => run.replication)).toEqual([1, 1, 1, 1]);
  });

  it("stops when the signal aborts: at once before starting, or after the runs finished so far", async () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(await runLbsimCampaign({ scenarios: SMALL_SCENARIOS, replications: 2, signal: aborted.signal })).toMatchObject({ ended: "cancelled", runs: [] });
    const controller = new AbortController();
    const result = await runLbsimCampaign({
      scenarios: SMALL_SCENARIOS,
      replications: 20,
      workers: 2,
      signal: controller.signal,
      onProgress: (report) => {
        if (report.completed === 3) controller.abort();
      },
    });
    expect(result.ended).toBe("cancelled");
    expect(result.runs.length).toBeGreaterThanOrEqual(3);
    expect(result.runs.length).toBeLessThan(80);
  });

  it("validates everything before a thread starts", async () => {
    const bad = [{ ...SMALL_SCENARIOS[0]!, algorithms: [{ name: "x", picker: { picker: "nope" } }] }];
    await expect(runLbsimCampaign({ scenarios: bad, replications: 1 })).rejects.toThrow(ValidationError);
    await expect(runLbsimCampaign({ scenarios: SMALL_SCENARIOS, replications: 1, workers: 0 })).rejects.toMatchObject({ code: "LBSIM_CAMPAIGN_OPTION_INVALID" });
    await expect(runLbsimCampaign({ scenarios: SMALL_SCENARIOS, replications: 1, workerUrl: fixture("missing.mjs") })).rejects.toMatchObject({
      code: "LBSIM_WORKER_SCRIPT_MISSING",
    });
  });

  it("reports failed runs and goes on; a worker that exits ends the campaign with LBSIM_WORKER_FAILED", async () => {
    const failing = await runLbsimCampaign({ scenarios: SMALL_SCENARIOS, replications: 1, workers: 2, workerUrl: fixture("failing-worker.mjs") });
    expect(failing.ended).toBe("done");
    expect(failing.failures).toHaveLength(4);
    expect(failing.failures[0]).toMatchObject({ code: "LBSIM_RUN_FAILED", scenario: "small" });
    await expect(runLbsimCampaign({ scenarios: SMALL_SCENARIOS, replications: 1, workers: 2, workerUrl: fixture("exit-worker.mjs") })).rejects.toMatchObject({
      code: "LBSIM_WORKER_FAILED",
      message: expect.stringContaining("exited unexpectedly with code 3"),
    });
  });
});
