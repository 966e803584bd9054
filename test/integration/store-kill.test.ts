/**
 * kill -9 during continuous trial inserts: a child controller stores trials (and a batch of events
 * per trial) in a loop and prints each index after its commit; it is killed with SIGKILL at several
 * moments. The file must open (integrity check ok), hold every printed trial whole and exact, at
 * most one more (committed, not yet printed), no partial event batch, and the run must resume.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../controller/store/index.js";
import { openSqliteFile } from "../../controller/store/sqlite-driver.js";
import { compileStore, startStoreChild, type CompiledStore } from "../unit/controller/store/support/store-children.js";

let compiled: CompiledStore;
beforeAll(() => {
  compiled = compileStore();
});
afterAll(() => compiled.remove());

const EVENTS_PER_TRIAL = 5;
const BIG = 2 ** 53 - 1;

const WRITER = `
import { writeSync } from "node:fs";
const { openStore } = await import(process.env.STORE_MODULE);
const store = openStore(process.argv[1], { owner: "writer child" });
const campaign = store.createCampaign({ name: "kill", sourcePath: "/kill.yaml", fileHash: "h" }, [{ experimentKey: "exp", replication: 0, seed: 1, kind: "throughput", parameters: {} }]);
const runId = store.runsOf(campaign.id)[0].id;
store.markRunStarted(runId, { testbed: "t" });
writeSync(1, "run " + runId + "\\n");
for (let index = 1; ; index++) {
  const offered = ${BIG} - index;
  store.insertTrial(runId, {
    index, warmup: index === 1,
    result: { durationS: index / 4, loadPps: index * 1000.5, intendedCount: offered, offeredCount: offered, forwardedCount: offered - index, lostCount: index, offeredDurationS: index / 4, durationWithOverheadsS: index / 4 + 0.5 },
    directions: { index, padding: "x".repeat(3000) },
  });
  store.insertEvents(runId, Array.from({ length: ${EVENTS_PER_TRIAL} }, (_, k) => ({ atNs: BigInt(index) * 1000000000n + BigInt(k), source: "writer", kind: "tick", payload: { index, k } })));
  writeSync(1, "committed " + index + "\\n");
}
`;

function expectedResult(index: number) {
  const offered = BIG - index;
  return { durationS: index / 4, loadPps: index * 1000.5, intendedCount: offered, offeredCount: offered, forwardedCount: offered - index, lostCount: index, offeredDurationS: index / 4, durationWithOverheadsS: index / 4 + 0.5 };
}

describe("kill -9 during trial inserts", () => {
  it.each([2, 25, 120])("keeps every committed trial whole and loses at most the one in flight (killed after %i commits)", async (killAfter) => {
    const file = path.join(compiled.workDir, `killed-${killAfter}.sqlite`);
    const writer = startStoreChild(compiled, WRITER, file);
    const runId = Number((await writer.waitForLine((line) => line.startsWith("run "))).slice(4));
    await writer.waitForLine((line) => line === `committed ${killAfter}`);
    writer.process.kill("SIGKILL");
    await writer.closed;
    expect(writer.process.signalCode).toBe("SIGKILL");
    const lastPrinted = Math.max(...writer.lines.filter((line) => line.startsWith("committed ")).map((line) => Number(line.slice(10))));
    expect(lastPrinted).toBeGreaterThanOrEqual(killAfter);

    const raw = openSqliteFile(file, { fileMustExist: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();

    const store = openStore(file);
    try {
      expect(store.opening.recoveredLock?.pid).toBe(writer.process.pid);
      expect(store.opening.interruptedRunIds).toEqual([runId]);
      const trials = store.trialsOf(runId);
      // Printed after commit: every printed trial is stored, and at most one more committed unprinted.
      expect([lastPrinted, lastPrinted + 1]).toContain(trials.length);
      trials.forEach((trial, position) => {
        const index = position + 1;
        expect([trial.index, trial.warmup]).toEqual([index, index === 1]);
        expect(trial.result).toEqual(expectedResult(index));
        expect(trial.directions).toEqual({ index, padding: "x".repeat(3000) });
      });
      const perTrial = new Map<number, number>();
      for (const event of store.eventsOf(runId)) {
        const index = Number(event.atNs / 1_000_000_000n);
        perTrial.set(index, (perTrial.get(index) ?? 0) + 1);
      }
      // Each batch of events is one transaction: whole or absent, and only for stored trials.
      expect([...perTrial.values()].every((count) => count === EVENTS_PER_TRIAL)).toBe(true);
      expect([trials.length - 1, trials.length]).toContain(perTrial.size);
      expect(perTrial.size).toBeGreaterThanOrEqual(lastPrinted);

      // The run resumes where it stopped.
      store.markRunStarted(runId, { testbed: "t" });
      store.insertTrial(runId, { index: trials.length + 1, warmup: false, result: expectedResult(trials.length + 1) });
      expect(store.trialsOf(runId)).toHaveLength(trials.length + 1);
    } finally {
      store.close();
    }
  });
});
