/**
 * Linux hwmon (`<sysfsRoot>/class/hwmon/hwmonN/`): power*_input and power*_average in µW, energy*_input
 * in µJ (power from deltas). The device is named by its `name` attribute (stable across boots) or
 * by its folder (hwmonN); channel names come from *_label files when present.
 */
import { join } from "node:path";
import type { Clock } from "../../../common/clock.js";
import { EnergyCounter } from "./energy-counter.js";
import type { MeterReading, PowerMeter } from "./meter.js";
import { MeterErrorCode, meterError } from "./meter-errors.js";
import { listSysfs, readSysfsInteger, readSysfsText, sysfsExists } from "./sysfs.js";

export interface HwmonMeterOptions {
  readonly name: string;
  /** Where sysfs is mounted ("/sys"); tests point it at a fixture tree. */
  readonly sysfsRoot: string;
  /** The chip's `name` attribute (e.g. "n3000bmc_hwmon") or its folder ("hwmon3"). */
  readonly device: string;
  /** Attributes to read (e.g. ["power1_input"]); default: every power*_input, else power*_average, else energy*_input. */
  readonly channels: readonly string[] | undefined;
  readonly clock: Clock;
}

const ATTRIBUTE = /^(power\d+)_(input|average)$|^(energy\d+)_input$/;

interface Channel {
  readonly attribute: string;
  readonly label: string;
  readonly energy: EnergyCounter | undefined;
}

async function findDevice(options: HwmonMeterOptions): Promise<string> {
  const classDir = join(options.sysfsRoot, "class", "hwmon");
  const entries = await listSysfs(options.name, classDir);
  if (/^hwmon\d+$/.test(options.device) && entries.includes(options.device)) return join(classDir, options.device);
  const matches: string[] = [];
  for (const entry of entries) {
    const chipName = await readSysfsText(options.name, join(classDir, entry, "name")).catch(() => undefined);
    if (chipName === options.device) matches.push(entry);
  }
  if (matches.length === 1) return join(classDir, matches[0]!);
  if (matches.length > 1) {
    throw meterError(MeterErrorCode.notFound, options.name, `${matches.length} hwmon devices are named ${options.device} (${matches.join(", ")}); name one by its folder`, {
      context: { device: options.device },
    });
  }
  throw meterError(MeterErrorCode.notFound, options.name, `no hwmon device named ${options.device} under ${classDir} (have: ${entries.join(", ") || "none"})`, {
    context: { device: options.device, path: classDir },
  });
}

function defaultAttributes(entries: readonly string[]): readonly string[] {
  for (const pattern of [/^power\d+_input$/, /^power\d+_average$/, /^energy\d+_input$/]) {
    const found = entries.filter((entry) => pattern.test(entry));
    if (found.length > 0) return found;
  }
  return [];
}

export class HwmonMeter implements PowerMeter {
  private channels: readonly Channel[] = [];
  private folder = "";

  constructor(private readonly options: HwmonMeterOptions) {}

  get name(): string {
    return this.options.name;
  }

  async open(): Promise<void> {
    this.folder = await findDevice(this.options);
    const entries = await listSysfs(this.name, this.folder);
    const attributes = this.options.channels ?? defaultAttributes(entries);
    if (attributes.length === 0) throw meterError(MeterErrorCode.notFound, this.name, `${this.folder} has no power*_input, power*_average or energy*_input`, { context: { path: this.folder } });
    const channels: Channel[] = [];
    for (const attribute of attributes) {
      const match = ATTRIBUTE.exec(attribute);
      if (match === null) throw meterError(MeterErrorCode.notFound, this.name, `${attribute} is not a power or energy attribute (power<N>_input, power<N>_average, energy<N>_input)`);
      if (!entries.includes(attribute)) throw meterError(MeterErrorCode.notFound, this.name, `${join(this.folder, attribute)} does not exist`, { context: { path: join(this.folder, attribute) } });
      const base = match[1] ?? match[3] ?? attribute;
      const labelPath = join(this.folder, `${base}_label`);
      const label = (await sysfsExists(labelPath)) ? await readSysfsText(this.name, labelPath) : base;
      channels.push({ attribute, label, energy: match[3] === undefined ? undefined : new EnergyCounter() });
    }
    this.channels = channels;
    await this.read();
  }

  async read(): Promise<readonly MeterReading[]> {
    const readings: MeterReading[] = [];
    for (const channel of this.channels) {
      const value = await readSysfsInteger(this.name, join(this.folder, channel.attribute));
      if (channel.energy === undefined) {
        readings.push({ channel: channel.label, powerW: value / 1e6 });
        continue;
      }
      const powerW = channel.energy.update(value, this.options.clock.monotonicS());
      if (powerW !== undefined) readings.push({ channel: channel.label, powerW });
    }
    return readings;
  }
}
