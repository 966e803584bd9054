import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../common/clock.js";
import type { StreamEvent } from "../../../../controller/agents/agent-stream.js";
import { PowerRecorder, PowerRecordingMeasurer, type PowerSourceStream } from "../../../../controller/measurers/power-recording.js";
import { meanPowerByDevice } from "../../../../controller/measurers/trial-power.js";
import { makeTrialResult, type Measurer } from "../../../../controller/search/measurer.js";

const s = (seconds: number) => BigInt(Math.round(seconds * 1e9));

/** A power stream fed by hand; agent clock = controller clock + offsetNs. */
function fakeStream(offsetNs = 0) {
  const listeners: Array<(event: StreamEvent) => void> = [];
  const stream: PowerSourceStream = {
    identity: { streamId: "p", kind: "power", source: "m", agentId: "a", clockOffset: { offsetNs, roundTripNs: 0, uncertaintyNs: 0, sampleCount: 1 } },
    isEnded: false,
    on: (listener) => {
      listeners.push(listener);
      return () => undefined;
    },
  };
  const send = (readings: Array<[atS: number, powerW: number, channel?: string]>, gaps: Array<[fromS: number, toS: number]> = []) => {
    const batch = {
      streamId: "p",
      samples: readings.map(([atS, powerW, channel]) => ({ atUnixNs: s(atS) + BigInt(offsetNs), powerW, channel: channel ?? "m" })),
      gaps: gaps.map(([fromS, toS]) => ({ fromUnixNs: s(fromS) + BigInt(offsetNs), toUnixNs: s(toS) + BigInt(offsetNs), failedReads: 1, code: "METER_READ_FAILED", message: "x" })),
      lateSamples: 0,
      droppedSamples: 0,
    };
    for (const listener of listeners) listener({ type: "power", batch });
  };
  return { stream, send };
}

describe("meanPowerByDevice", () => {
  it("averages the readings inside [from, to], ends included, per device", () => {
    const series = new Map([
      ["a/m", [1, 2, 3, 4, 5].map((atS) => ({ atNs: s(atS), powerW: atS * 10 }))],
      ["b/n", [{ atNs: s(9), powerW: 1 }]],
    ]);
    expect(meanPowerByDevice(series, s(2), s(4))).toEqual({ "a/m": { meanPowerW: 30, samples: 3 }, "b/n": { meanPowerW: null, samples: 0 } });
  });

  it("rejects a window that ends before it starts", () => {
    expect(() => meanPowerByDevice(new Map(), s(2), s(1))).toThrow(RangeError);
  });
});

describe("PowerRecorder", () => {
  it("maps agent times to the controller axis with the clock offset and names channels as devices", () => {
    const recorder = new PowerRecorder();
    const { stream, send } = fakeStream(5e9); // the agent's clock is 5 s ahead
    recorder.attach("fpga", "m", stream);
    send([[0.5, 100], [1.5, 50], [1.6, 70], [1.7, 7, "rail"], [2.5, 100]]);
    expect(recorder.take(s(1), s(2))).toEqual({ "fpga/m": { meanPowerW: 60, samples: 2 }, "fpga/m.rail": { meanPowerW: 7, samples: 1 } });
    // readings up to the window's end are dropped; later ones stay for the next trial
    expect(recorder.take(s(0), s(3))).toEqual({ "fpga/m": { meanPowerW: 100, samples: 1 }, "fpga/m.rail": { meanPowerW: null, samples: 0 } });
  });
});

describe("PowerRecordingMeasurer", () => {
  const result = (loadPps: number) => makeTrialResult({ durationS: 1, loadPps, offeredCount: loadPps, lostCount: 0 });

  it("waits for readings past the trial's end, then keeps the trial's mean power for powerOf", async () => {
    const clock = new VirtualClock(0, 1000); // wall 1 s at start
    const recorder = new PowerRecorder();
    const { stream, send } = fakeStream();
    recorder.attach("a", "m", stream);
    const inner: Measurer = {
      measure: (request) => {
        send([[0.9, 1], [1.2, 10], [1.8, 20]]);
        clock.advance(1); // the trial runs from wall 1 s to 2 s
        setTimeout(() => send([[2, 30], [2.1, 99]]), 5); // the batch with the end arrives late
        return Promise.resolve(result(request.loadPps));
      },
    };
    const measurer = new PowerRecordingMeasurer(inner, recorder, { clock: { wallMs: () => clock.wallMs(), monotonicS: () => clock.monotonicS(), sleep: (durationS) => new Promise((resolve) => setTimeout(resolve, durationS * 1000)) }, settleS: 5 });
    const measured = await measurer.measure({ durationS: 1, loadPps: 1e6 });
    expect(measurer.powerOf(measured)).toEqual({ "a/m": { meanPowerW: 20, samples: 3 } });
  });

  it("gives up after settleS when a meter is silent (a gap counts as reaching past the end)", async () => {
    const clock = new VirtualClock(0, 0);
    const recorder = new PowerRecorder();
    const silent = fakeStream();
    const gapped = fakeStream();
    recorder.attach("a", "silent", silent.stream);
    recorder.attach("b", "gapped", gapped.stream);
    const inner: Measurer = {
      measure: (request) => {
        silent.send([[0.5, 40, "silent"]]);
        gapped.send([], [[0, 5]]);
        clock.advance(1);
        return Promise.resolve(result(request.loadPps));
      },
    };
    const measurer = new PowerRecordingMeasurer(inner, recorder, { clock, settleS: 3 });
    const measured = await measurer.measure({ durationS: 1, loadPps: 10 });
    expect(clock.monotonicS()).toBe(4); // 1 s of trial + 3 s of settle on the virtual clock
    expect(measurer.powerOf(measured)).toEqual({ "a/silent": { meanPowerW: 40, samples: 1 }, "b/gapped": { meanPowerW: null, samples: 0 } });
  });
});
