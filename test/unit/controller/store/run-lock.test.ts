import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import { systemClock } from "../../../../common/system-clock.js";
import { openStore } from "../../../../controller/store/index.js";
import { currentProcessIdentity, type ProcessIdentity } from "../../../../controller/store/process-identity.js";
import { errorOf } from "./support/errors.js";
import { fixedClock, rawDatabase, sampleResult, tempStorePath, throughputRun } from "./support/temp-store.js";

const lastTrialEndMs = Date.UTC(2026, 0, 1) + 1234.5;

interface PlantedLock extends ProcessIdentity {
  readonly heartbeatAtMs: number;
}

/** Write a lock row as another controller would have left it. */
function plantLock(file: string, lock: PlantedLock): void {
  const raw = rawDatabase(file);
  raw
    .prepare("INSERT OR REPLACE INTO locks (id, token, pid, hostname, boot_id, start_ticks, owner, acquired_at_ms, heartbeat_at_ms) VALUES (1, 'planted', ?, ?, ?, ?, 'testbench run planted.yaml', ?, ?)")
    .run(lock.pid, lock.hostname, lock.bootId, lock.startTicks, lock.heartbeatAtMs - 1000, lock.heartbeatAtMs);
  raw.close();
}

/** A store file with a campaign and a run that a controller left running (as after kill -9). */
function storeLeftRunning(): { file: string; campaignId: number; runId: number } {
  const file = tempStorePath();
  const store = openStore(file, { clock: fixedClock() });
  const campaign = store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" }, [throughputRun("exp", 0)]);
  const runId = store.runsOf(campaign.id)[0]?.id ?? -1;
  store.markRunStarted(runId, { testbed: "t" });
  store.insertTrial(runId, { index: 1, warmup: false, result: sampleResult(1), endedAtMs: lastTrialEndMs - 500 });
  store.insertTrial(runId, { index: 2, warmup: false, result: sampleResult(2), endedAtMs: lastTrialEndMs });
  store.close();
  return { file, campaignId: campaign.id, runId };
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  expect(child.status).toBe(0);
  return child.pid;
}

describe("the run lock", () => {
  it("lets one store per file write: a second run-mode open is STORE_LOCKED, inspection still works", () => {
    const file = tempStorePath();
    const first = openStore(file, { clock: fixedClock(), owner: "testbench run first.yaml" });
    try {
      first.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" });
      const error = errorOf(() => openStore(file, { clock: fixedClock() }));
      expect(error.code).toBe("STORE_LOCKED");
      expect(error.message).toContain("this process already has the store");
      expect(error.message).toContain("testbench run first.yaml");
      expect(error.context).toMatchObject({ file, pid: process.pid });
      const reader = openStore(file, { mode: "inspect" });
      expect(reader.campaigns().map((campaign) => campaign.name)).toEqual(["c"]);
      reader.close();
    } finally {
      first.close();
    }
    const raw = rawDatabase(file);
    expect(raw.prepare("SELECT count(*) AS n FROM locks").get()).toEqual({ n: 0 });
    raw.close();
  });

  it("is STORE_LOCKED by a live controller on another host until its heartbeat is older than lockStaleAfterS", () => {
    const { file } = storeLeftRunning();
    const clock = fixedClock();
    const other: ProcessIdentity = { pid: 4242, hostname: "lab-controller-2", bootId: "b", startTicks: "1" };
    plantLock(file, { ...other, heartbeatAtMs: clock.wallMs() - 59_000 });
    const error = errorOf(() => openStore(file, { clock, lockStaleAfterS: 60 }));
    expect(error.code).toBe("STORE_LOCKED");
    expect(error.message).toContain("pid 4242 on lab-controller-2 (testbench run planted.yaml)");
    expect(error.message).toContain("taken over once its heartbeat is 60 s old; it is 59 s old");
    expect(error.context).toMatchObject({ pid: 4242, host: "lab-controller-2" });
    clock.advance(2);
    const store = openStore(file, { clock, lockStaleAfterS: 60 });
    expect(store.opening.recoveredLock).toMatchObject({ pid: 4242, hostname: "lab-controller-2" });
    store.close();
  });

  it("is taken over from a dead process on this host, and what it left running becomes interrupted", () => {
    const { file, campaignId, runId } = storeLeftRunning();
    const self = currentProcessIdentity();
    const pid = deadPid();
    plantLock(file, { ...self, pid, startTicks: null, heartbeatAtMs: Date.now() });
    const store = openStore(file, { clock: fixedClock() });
    try {
      expect(store.opening.recoveredLock).toMatchObject({ pid, hostname: self.hostname, owner: "testbench run planted.yaml" });
      expect(store.opening.interruptedCampaignIds).toEqual([campaignId]);
      expect(store.opening.interruptedRunIds).toEqual([runId]);
      expect(store.run(runId)).toMatchObject({ status: "interrupted", endedAtMs: lastTrialEndMs });
      expect(store.campaign(campaignId)?.status).toBe("interrupted");
    } finally {
      store.close();
    }
  });

  it("treats a live pid with another start time (pid reuse) or another boot id (reboot) as dead", () => {
    const { file } = storeLeftRunning();
    const self = currentProcessIdentity();
    const variants: ProcessIdentity[] = [{ ...self, bootId: "a-boot-before-the-last-reboot" }];
    if (self.startTicks !== null) variants.push({ ...self, startTicks: String(Number(self.startTicks) + 1) });
    for (const holder of variants) {
      plantLock(file, { ...holder, heartbeatAtMs: Date.now() });
      const store = openStore(file, { clock: fixedClock() });
      expect(store.opening.recoveredLock?.pid).toBe(process.pid);
      store.close();
    }
    plantLock(file, { ...self, heartbeatAtMs: Date.now() });
    expect(errorOf(() => openStore(file, { clock: fixedClock() })).code).toBe("STORE_LOCKED");
  });

  it("fails writes with STORE_LOCK_LOST once another controller took the lock over", () => {
    const file = tempStorePath();
    const store = openStore(file, { clock: fixedClock() });
    try {
      const campaign = store.createCampaign({ name: "c", sourcePath: "/c.yaml", fileHash: "h" });
      plantLock(file, { pid: 77, hostname: "elsewhere", bootId: null, startTicks: null, heartbeatAtMs: Date.now() });
      const error = errorOf(() => store.markCampaignCompleted(campaign.id));
      expect(error.code).toBe("STORE_LOCK_LOST");
      expect(error.message).toContain("pid 77 on elsewhere");
      expect(store.campaign(campaign.id)?.status).toBe("running");
    } finally {
      store.close();
    }
    const raw = rawDatabase(file);
    expect(raw.prepare("SELECT pid FROM locks").get()).toEqual({ pid: 77 });
    raw.close();
  });

  it("beats its heartbeat while held", async () => {
    const file = tempStorePath();
    const store = openStore(file, { clock: systemClock, lockHeartbeatIntervalS: 0.02, lockStaleAfterS: 1 });
    try {
      const raw = rawDatabase(file);
      const heartbeat = () => (raw.prepare("SELECT heartbeat_at_ms AS at FROM locks").get() as { at: number }).at;
      const first = heartbeat();
      await vi.waitFor(() => expect(heartbeat()).toBeGreaterThan(first), { timeout: 5000, interval: 10 });
      raw.close();
    } finally {
      store.close();
    }
  });
});
