import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../common/clock.js";
import type { Measurer, TrialRequest, TrialResult } from "../../../../controller/search/measurer.js";
import { ResumeMeasurer, type LiveTrial } from "../../../../controller/store/index.js";
import { rejectionOf } from "./support/errors.js";
import { sampleResult } from "./support/temp-store.js";

/** A live measurer that answers sampleResult-like counts at whatever it is asked, and records the requests. */
function recordingMeasurer(): { measurer: Measurer; requests: TrialRequest[] } {
  const requests: TrialRequest[] = [];
  return {
    requests,
    measurer: {
      measure: (request) => {
        requests.push(request);
        return Promise.resolve({ ...sampleResult(requests.length + 100), durationS: request.durationS, loadPps: request.loadPps });
      },
    },
  };
}

const requestOf = (result: TrialResult): TrialRequest => ({ durationS: result.durationS, loadPps: result.loadPps });

describe("ResumeMeasurer", () => {
  it("answers the stored trials first, then measures live and reports only the live ones", async () => {
    const stored = [sampleResult(1), sampleResult(2)];
    const { measurer: live, requests } = recordingMeasurer();
    const clock = new VirtualClock(0, 5000);
    const liveTrials: LiveTrial[] = [];
    const resume = new ResumeMeasurer(stored, live, { clock, source: "run 1", onLiveTrial: (trial) => liveTrials.push(trial) });
    expect(await resume.measure(requestOf(stored[0] as TrialResult))).toEqual(stored[0]);
    expect(await resume.measure(requestOf(stored[1] as TrialResult))).toEqual(stored[1]);
    expect(requests).toEqual([]);
    expect(resume.replayedCount).toBe(2);
    expect(() => resume.assertConsumed()).not.toThrow();
    const third = await resume.measure({ durationS: 2, loadPps: 123 });
    expect(requests).toEqual([{ durationS: 2, loadPps: 123 }]);
    expect(liveTrials).toEqual([{ index: 3, request: { durationS: 2, loadPps: 123 }, result: third, startedAtMs: 5000, endedAtMs: 5000 }]);
    expect([resume.replayedCount, resume.liveCount]).toEqual([2, 1]);
    expect([1, 2, 3, 4].map((index) => resume.isLive(index))).toEqual([false, false, true, false]);
  });

  it("accepts a stored load within 1e-9 relative and returns exactly the requested load", async () => {
    const stored = sampleResult(1);
    const resume = new ResumeMeasurer([stored], recordingMeasurer().measurer, { clock: new VirtualClock(), source: "run 1" });
    const nudged = stored.loadPps * (1 + 5e-10);
    const answer = await resume.measure({ durationS: stored.durationS, loadPps: nudged });
    expect(answer.loadPps).toBe(nudged);
    expect(answer.offeredCount).toBe(stored.offeredCount);
  });

  it.each([
    ["load", { loadPps: sampleResult(2).loadPps * (1 + 2e-9) }],
    ["duration", { durationS: sampleResult(2).durationS + 1 }],
  ])("fails with STORE_RESUME_MISMATCH when the %s differs from the stored trial", async (_what, change) => {
    const stored = [sampleResult(1), sampleResult(2)];
    const { measurer: live, requests } = recordingMeasurer();
    const resume = new ResumeMeasurer(stored, live, { clock: new VirtualClock(), source: 'run 7 ("exp" #0) in /x/lab.sqlite' });
    await resume.measure(requestOf(sampleResult(1)));
    const error = await rejectionOf(resume.measure({ ...requestOf(sampleResult(2)), ...change }));
    expect(error.code).toBe("STORE_RESUME_MISMATCH");
    expect(error.message).toContain('cannot resume run 7 ("exp" #0) in /x/lab.sqlite: at trial 2 the search asked for');
    expect(error.context).toMatchObject({ trial: 2, storedLoadPps: sampleResult(2).loadPps, storedDurationS: sampleResult(2).durationS });
    expect(requests).toEqual([]);
  });

  it("tells when the search ended before using every stored trial", async () => {
    const resume = new ResumeMeasurer([sampleResult(1), sampleResult(2)], recordingMeasurer().measurer, { clock: new VirtualClock(), source: "run 3" });
    await resume.measure(requestOf(sampleResult(1)));
    const error = (() => {
      try {
        resume.assertConsumed();
      } catch (caught) {
        return caught as { code: string; message: string };
      }
      return null;
    })();
    expect(error?.code).toBe("STORE_RESUME_MISMATCH");
    expect(error?.message).toContain("the search ended after 1 trials, but 2 are stored");
  });

  it("fails the measurement when the live trial cannot be kept, and does not count it", async () => {
    const resume = new ResumeMeasurer([], recordingMeasurer().measurer, {
      clock: new VirtualClock(),
      source: "run 1",
      onLiveTrial: () => {
        throw new Error("disk full");
      },
    });
    await expect(resume.measure({ durationS: 1, loadPps: 10 })).rejects.toThrow("disk full");
    expect(resume.liveCount).toBe(0);
  });

  it("refuses a second measurement while one is in flight", async () => {
    let finish: (result: TrialResult) => void = () => undefined;
    const slow: Measurer = { measure: () => new Promise((resolve) => (finish = resolve)) };
    const resume = new ResumeMeasurer([], slow, { clock: new VirtualClock(), source: "run 1" });
    const first = resume.measure({ durationS: 1, loadPps: 10 });
    await expect(resume.measure({ durationS: 1, loadPps: 10 })).rejects.toThrow("while a trial was in flight");
    finish(sampleResult(1));
    await expect(first).resolves.toEqual(sampleResult(1));
  });
});
