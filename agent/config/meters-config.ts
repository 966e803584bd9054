/** Read agent.yaml `meters:` (docs/power.md), each entry validated with the line of the offending key. */
import { DEFAULT_IPMI_COMMAND } from "../drivers/power/ipmi-meter.js";
import { MIN_INTERVAL_S } from "../drivers/power/meter.js";
import type { PowerTrace } from "../drivers/power/power-trace.js";
import { METER_KINDS, isFileMeter, type MeterConfig, type MeterKind } from "./meter-config.js";
import type { YamlFields } from "./yaml-fields.js";

export const NAME_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const COMMON_KEYS = ["name", "kind", "intervalMs", "timeoutS", "options"];

function readPattern(options: YamlFields): RegExp {
  const source = options.string("pattern");
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, "m");
  } catch (error) {
    throw options.error("pattern", `is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
  const groups = (new RegExp(`${source}|`).exec("")?.length ?? 1) - 1;
  if (groups < 1) throw options.error("pattern", "must capture the number: use a group, e.g. \"Power: ([0-9.]+) W\" or (?<powerW>...)");
  return pattern;
}

function readTrace(options: YamlFields): PowerTrace {
  const levels = options.list("levels").map((level) => {
    level.rejectUnknownKeys(["atS", "powerW"]);
    return Object.freeze({ atS: level.number("atS", { min: 0, max: 1e7, unit: "s" }), powerW: level.number("powerW", { min: 0, max: 1e6, unit: "W" }) });
  });
  if (levels.length === 0) throw options.error("levels", "must list at least one level, e.g. [{atS: 0, powerW: 50}]");
  levels.forEach((level, index) => {
    if (index > 0 && level.atS <= levels[index - 1]!.atS) throw options.error(`levels[${index}].atS`, `must be later than the level before (${levels[index - 1]!.atS} s)`);
  });
  const outages = options.list("outages").map((outage) => {
    outage.rejectUnknownKeys(["fromS", "toS"]);
    const fromS = outage.number("fromS", { min: 0, max: 1e7, unit: "s" });
    return Object.freeze({ fromS, toS: outage.number("toS", { min: fromS, max: 1e7, unit: "s" }) });
  });
  return Object.freeze({
    levels: Object.freeze(levels),
    rampS: options.number("rampS", { min: 0, max: 1e6, unit: "s" }, 0),
    noiseW: options.number("noiseW", { min: 0, max: 1e6, unit: "W" }, 0),
    seed: options.number("seed", { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }, 1),
    outages: Object.freeze(outages),
  });
}

function readKindOptions(kind: MeterKind, name: string, options: YamlFields): Record<string, unknown> {
  switch (kind) {
    case "hwmon":
      options.rejectUnknownKeys(["device", "channels", "sysfsRoot"]);
      return { device: options.string("device"), channels: options.has("channels") ? options.stringList("channels", { minItems: 1 }) : undefined, sysfsRoot: options.string("sysfsRoot", "/sys") };
    case "rapl":
      options.rejectUnknownKeys(["zone", "sysfsRoot"]);
      return { zone: options.string("zone"), sysfsRoot: options.string("sysfsRoot", "/sys") };
    case "ipmi":
      options.rejectUnknownKeys(["command", "channel"]);
      return { command: options.has("command") ? options.stringList("command", { minItems: 1 }) : DEFAULT_IPMI_COMMAND, channel: options.string("channel", "system") };
    case "xrt":
      options.rejectUnknownKeys(["binary", "device", "rails"]);
      return { binary: options.string("binary", "xbutil"), device: options.optionalString("device"), rails: options.boolean("rails", false) };
    case "command":
      options.rejectUnknownKeys(["command", "pattern", "scale", "channel"]);
      return { command: options.stringList("command", { minItems: 1 }), pattern: readPattern(options), scale: options.number("scale", { min: -1e12, max: 1e12 }, 1), channel: options.string("channel", name) };
    case "simulated":
      options.rejectUnknownKeys(["channel", "levels", "rampS", "noiseW", "seed", "outages"]);
      return { channel: options.string("channel", name), trace: readTrace(options) };
  }
}

function readMeter(item: YamlFields): MeterConfig {
  item.rejectUnknownKeys(COMMON_KEYS);
  const name = item.string("name");
  if (!NAME_PATTERN.test(name)) throw item.error("name", `must be 1 to 64 letters, digits, "_", ".", ":" or "-", got ${JSON.stringify(name)}`);
  const kindText = item.string("kind");
  const kind = METER_KINDS.find((candidate) => candidate === kindText);
  if (kind === undefined) throw item.error("kind", `must be one of ${METER_KINDS.join(", ")}, got ${JSON.stringify(kindText)}`);
  const minimumMs = (isFileMeter(kind) ? MIN_INTERVAL_S.file : MIN_INTERVAL_S.command) * 1000;
  const common = {
    name,
    kind,
    intervalMs: item.number("intervalMs", { min: minimumMs, max: 3_600_000, unit: "ms" }, 1000),
    timeoutS: item.number("timeoutS", { min: 0.01, max: 300, unit: "s" }, 5),
  };
  return Object.freeze({ ...common, ...readKindOptions(kind, name, item.section("options", kind !== "ipmi" && kind !== "xrt")) }) as MeterConfig;
}

export function readMetersConfig(root: YamlFields): readonly MeterConfig[] {
  const items = root.list("meters");
  const meters = items.map(readMeter);
  meters.forEach((meter, index) => {
    if (meters.findIndex((other) => other.name === meter.name) !== index) throw items[index]!.error("name", `repeats the meter name ${JSON.stringify(meter.name)}`);
  });
  return Object.freeze(meters);
}
