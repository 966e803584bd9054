/**
 * Acceptance: every MLRsearch conformance vector's trials, replayed through a device built from
 * the vector's reference_args, give the vector's offered and lost counts exactly, trial by trial.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileDeviceSpec } from "../../../../common/devices/spec.js";
import type { DeviceSpec } from "../../../../common/devices/spec.js";
import { createDevice } from "../../../../common/devices/create.js";
import { vectorDir } from "../../../helpers/paths.js";


interface VectorTrial {
  readonly n: number;
  readonly duration: number;
  readonly load: number;
  readonly offered: number;
  readonly loss: number;
}

interface Vector {
  readonly reference_args: string;
  readonly trials: readonly VectorTrial[];
  readonly result: {
    readonly device: string;
    readonly seed: number;
    readonly mrr: number;
    readonly spread: number | null;
    readonly noise: number | null;
  };
}

/** The device knobs of `--device X --seed N --mrr M --spread S --noise Z ...`; search knobs are ignored. */
function deviceSpecFromArgs(args: string): DeviceSpec {
  const tokens = args.trim().split(/\s+/);
  const flags = new Map<string, string>();
  for (let i = 0; i < tokens.length; i += 2) {
    const flag = tokens[i] ?? "";
    const value = tokens[i + 1];
    if (!flag.startsWith("--") || value === undefined) throw new Error(`reference_args not in --flag value pairs: ${args}`);
    flags.set(flag.slice(2), value);
  }
  const numberOf = (name: string): number | undefined => (flags.has(name) ? Number(flags.get(name)) : undefined);
  return {
    kind: flags.get("device") as DeviceSpec["kind"],
    mrrPps: numberOf("mrr") ?? NaN,
    spreadPps: numberOf("spread"),
    noise: numberOf("noise"),
    seed: numberOf("seed"),
  };
}

const vectorFiles = readdirSync(vectorDir)
  .filter((name) => name.endsWith(".json"))
  .sort();

describe("simulated devices reproduce the MLRsearch conformance vectors", () => {
  it("finds the vectors", () => {
    expect(vectorFiles.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of vectorFiles) {
    const vector = JSON.parse(readFileSync(path.join(vectorDir, file), "utf8")) as Vector;

    describe(file, () => {
      const spec = deviceSpecFromArgs(vector.reference_args);

      it("resolves the same knobs as the reference run (defaults included)", () => {
        const resolved = compileDeviceSpec(spec);
        expect({
          device: resolved.kind,
          seed: resolved.seed,
          mrr: resolved.mrrPps,
          spread: resolved.spreadPps ?? null,
          noise: resolved.noise ?? null,
        }).toEqual({
          device: vector.result.device,
          seed: vector.result.seed,
          mrr: vector.result.mrr,
          spread: vector.result.spread,
          noise: vector.result.noise,
        });
      });

      it(`gives offered and loss of all ${vector.trials.length} trials exactly`, () => {
        const device = createDevice(spec);
        expect(vector.trials.length).toBeGreaterThan(0);
        for (const trial of vector.trials) {
          const counts = device.trial(trial.load, trial.duration);
          expect({ n: trial.n, offered: counts.offeredCount, loss: counts.lostCount }).toEqual({
            n: trial.n,
            offered: trial.offered,
            loss: trial.loss,
          });
        }
      });
    });
  }
});
