/**
 * The run lock against real second processes: STORE_LOCKED while another controller runs, taken
 * over after that controller is killed with SIGKILL, released by a clean close, and won by exactly
 * one of several controllers started at once.
 */
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../controller/store/index.js";
import { errorOf } from "../unit/controller/store/support/errors.js";
import { compileStore, startStoreChild, type CompiledStore } from "../unit/controller/store/support/store-children.js";

let compiled: CompiledStore;
beforeAll(() => {
  compiled = compileStore();
});
afterAll(() => compiled.remove());

const LOCK_HOLDER = `
const { openStore } = await import(process.env.STORE_MODULE);
const store = openStore(process.argv[1], { owner: "lock-holder child" });
process.on("SIGTERM", () => { store.close(); process.exit(0); });
process.stdout.write("locked\\n");
setInterval(() => {}, 60_000);
`;

const CONTENDER = `
const { openStore } = await import(process.env.STORE_MODULE);
try {
  openStore(process.argv[1], { owner: "contender " + process.pid, busyTimeoutMs: 20000 });
  process.stdout.write("got\\n");
  setInterval(() => {}, 60_000);
} catch (error) {
  process.stdout.write(error.code + "\\n");
  process.exit(0);
}
`;

describe("the run lock across processes", () => {
  it("is STORE_LOCKED while another controller runs, and taken over after that controller is killed with SIGKILL", async () => {
    const file = path.join(compiled.workDir, "locked.sqlite");
    const holder = startStoreChild(compiled, LOCK_HOLDER, file);
    await holder.waitForLine((line) => line === "locked");
    const error = errorOf(() => openStore(file).close());
    expect(error.code).toBe("STORE_LOCKED");
    expect(error.context).toMatchObject({ file, pid: holder.process.pid, host: os.hostname(), owner: "lock-holder child" });
    expect(error.message).toContain(`pid ${holder.process.pid} on ${os.hostname()} (lock-holder child)`);
    const reader = openStore(file, { mode: "inspect" });
    expect(reader.campaigns()).toEqual([]);
    reader.close();

    holder.process.kill("SIGKILL");
    await holder.closed;
    const store = openStore(file);
    try {
      expect(store.opening.recoveredLock).toMatchObject({ pid: holder.process.pid, owner: "lock-holder child" });
    } finally {
      store.close();
    }
  });

  it("is free again after the other controller closes its store", async () => {
    const file = path.join(compiled.workDir, "released.sqlite");
    const holder = startStoreChild(compiled, LOCK_HOLDER, file);
    await holder.waitForLine((line) => line === "locked");
    expect(errorOf(() => openStore(file).close()).code).toBe("STORE_LOCKED");
    holder.process.kill("SIGTERM");
    await holder.closed;
    expect(holder.process.exitCode).toBe(0);
    const store = openStore(file);
    expect(store.opening.recoveredLock).toBeNull();
    store.close();
  });

  it("lets exactly one of several controllers started at once on a new file take it", async () => {
    const file = path.join(compiled.workDir, "race.sqlite");
    const contenders = Array.from({ length: 5 }, () => startStoreChild(compiled, CONTENDER, file));
    const answers = await Promise.all(contenders.map((child) => child.waitForLine((line) => line === "got" || line.startsWith("STORE_"))));
    for (const child of contenders) child.process.kill("SIGKILL");
    await Promise.all(contenders.map((child) => child.closed));
    expect(answers.filter((answer) => answer === "got")).toHaveLength(1);
    expect(answers.filter((answer) => answer === "STORE_LOCKED")).toHaveLength(4);
    const store = openStore(file, { mode: "inspect" });
    expect(store.campaigns()).toEqual([]);
    store.close();
  });
});
