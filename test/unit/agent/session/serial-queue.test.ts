import { describe, expect, it } from "vitest";
import { GeneratorOwnership } from "../../../../agent/session/generator-ownership.js";
import { SerialQueue } from "../../../../agent/session/serial-queue.js";

describe("SerialQueue", () => {
  it("runs tasks one at a time in arrival order, past failures", async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let releaseFirst!: () => void;
    let firstStarted!: () => void;
    const firstRunning = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = queue.run(async () => {
      log.push("first start");
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
        firstStarted();
      });
      log.push("first end");
      throw new Error("first failed");
    });
    const second = queue.run(async () => {
      log.push("second");
      return 2;
    });
    await firstRunning;
    expect(log).toEqual(["first start"]);
    releaseFirst();
    await expect(first).rejects.toThrow("first failed");
    expect(await second).toBe(2);
    expect(log).toEqual(["first start", "first end", "second"]);
  });

  it("does not start a task whose signal aborted while it waited", async () => {
    const queue = new SerialQueue();
    let release!: () => void;
    let blockerStarted!: () => void;
    const blockerRunning = new Promise<void>((resolve) => (blockerStarted = resolve));
    const blocker = queue.run(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          blockerStarted();
        }),
    );
    const controller = new AbortController();
    let started = false;
    const waiting = queue.run(async () => {
      started = true;
    }, controller.signal);
    await blockerRunning;
    controller.abort(new Error("session ended"));
    release();
    await blocker;
    await expect(waiting).rejects.toThrow("session ended");
    expect(started).toBe(false);
  });
});

describe("GeneratorOwnership", () => {
  it("belongs to the first claimant until it releases; others cannot release it", () => {
    const ownership = new GeneratorOwnership();
    expect(ownership.tryClaim("s1")).toBe(true);
    expect(ownership.tryClaim("s1")).toBe(true);
    expect(ownership.tryClaim("s2")).toBe(false);
    ownership.release("s2");
    expect(ownership.owner).toBe("s1");
    ownership.release("s1");
    expect(ownership.tryClaim("s2")).toBe(true);
  });
});
