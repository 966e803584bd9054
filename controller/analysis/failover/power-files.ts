/**
 * Power-sample series from text: the bench's CSV (`at_unix_ns,device,power_w[,note]`, an empty
 * power_w is a gap: the meter failed then, and `note` says why) and the Flightplan WeMo poller log
 * (`<date --rfc-3339=ns> <name> (<ip>): <watts>` or `timeout`). The WeMo plugs sometimes answer
 * with kW-scale nonsense; Flightplan dropped such values, and here they become gaps.
 */
import { inputError } from "./errors.js";
import { rfc3339ToUnixNs } from "./unix-time.js";

export interface RawPowerSeries {
  readonly device: string;
  readonly samples: ReadonlyArray<{ readonly unixNs: bigint; readonly powerW: number }>;
  readonly gaps: ReadonlyArray<{ readonly unixNs: bigint; readonly reason: string }>;
}

interface Collecting {
  samples: Array<{ unixNs: bigint; powerW: number }>;
  gaps: Array<{ unixNs: bigint; reason: string }>;
}

function collector(): { add: (device: string) => Collecting; series: () => RawPowerSeries[] } {
  const byDevice = new Map<string, Collecting>();
  return {
    add: (device) => {
      const found = byDevice.get(device) ?? { samples: [], gaps: [] };
      byDevice.set(device, found);
      return found;
    },
    series: () => [...byDevice.entries()].map(([device, { samples, gaps }]) => ({ device, samples, gaps })),
  };
}

const REQUIRED = ["at_unix_ns", "device", "power_w"] as const;

/** The bench's power CSV; a header row names the columns (any order, `note` optional). */
export function parsePowerCsv(text: string, source: string): RawPowerSeries[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((name) => name.trim());
  for (const name of REQUIRED) if (!header.includes(name)) throw inputError({ source, line: 1 }, `the header has no ${name} column (expected at_unix_ns,device,power_w[,note])`, lines[0]);
  const column = (name: string) => header.indexOf(name);
  const out = collector();
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === "") return;
    const cells = line.split(",").map((cell) => cell.trim());
    const place = { source, line: index + 2 };
    const at = cells[column("at_unix_ns")] ?? "";
    const device = cells[column("device")] ?? "";
    const power = cells[column("power_w")] ?? "";
    if (!/^\d+$/.test(at) || device === "") throw inputError(place, "expected an integer at_unix_ns and a device name", line);
    const series = out.add(device);
    if (power === "") {
      series.gaps.push({ unixNs: BigInt(at), reason: cells[column("note")] || "no reading" });
      return;
    }
    const powerW = Number(power);
    if (!Number.isFinite(powerW) || !/^-?[\d.]+(e[+-]?\d+)?$/i.test(power)) throw inputError(place, "power_w is not a number (leave it empty for a gap)", line);
    series.samples.push({ unixNs: BigInt(at), powerW });
  });
  return out.series();
}

const WEMO_LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))\s+(\S+)\s+\(([^)]*)\):\s*(\S+)\s*$/;

/** Flightplan's WeMo Insight log; readings of `maxPlausibleW` or more are gaps, as Flightplan dropped them. */
export function parseWemoLog(text: string, source: string, maxPlausibleW = 1000): RawPowerSeries[] {
  const out = collector();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const match = WEMO_LINE.exec(line);
    const unixNs = match === null ? null : rfc3339ToUnixNs(match[1] ?? "");
    if (match === null || unixNs === null) throw inputError({ source, line: index + 1 }, "expected '<rfc-3339 time> <name> (<ip>): <watts>|timeout'", line);
    const series = out.add(match[2] ?? "");
    const value = match[4] ?? "";
    const powerW = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (value === "timeout") series.gaps.push({ unixNs, reason: "timeout" });
    else if (!Number.isFinite(powerW)) series.gaps.push({ unixNs, reason: `unreadable reading ${JSON.stringify(value)}` });
    else if (powerW >= maxPlausibleW) series.gaps.push({ unixNs, reason: `implausible reading ${powerW} W (>= ${maxPlausibleW} W)` });
    else series.samples.push({ unixNs, powerW });
  });
  return out.series();
}
