/**
 * Intel/AMD RAPL through powercap (`<sysfsRoot>/class/powercap/intel-rapl:Z[:S]/`): energy_uj is a
 * µJ counter that wraps at max_energy_range_uj, so power comes from deltas between reads. The zone
 * is named by its folder ("intel-rapl:0") or its `name` ("package-0", "core", "dram").
 */
import { join } from "node:path";
import type { Clock } from "../../../common/clock.js";
import { EnergyCounter } from "./energy-counter.js";
import type { MeterReading, PowerMeter } from "./meter.js";
import { MeterErrorCode, meterError } from "./meter-errors.js";
import { listSysfs, readSysfsInteger, readSysfsText, sysfsExists } from "./sysfs.js";

export interface RaplMeterOptions {
  readonly name: string;
  readonly sysfsRoot: string;
  readonly zone: string;
  readonly clock: Clock;
}

/** Zone folders: top-level ones and their subzones (sysfs lists both at the top; some trees nest them). */
async function zoneFolders(meter: string, classDir: string): Promise<readonly string[]> {
  const folders: string[] = [];
  for (const entry of await listSysfs(meter, classDir)) {
    folders.push(join(classDir, entry));
    for (const nested of await listSysfs(meter, join(classDir, entry)).catch(() => [] as readonly string[])) {
      if (nested.startsWith(`${entry}:`)) folders.push(join(classDir, entry, nested));
    }
  }
  return folders;
}

export class RaplMeter implements PowerMeter {
  private folder = "";
  private label = "";
  private counter = new EnergyCounter();

  constructor(private readonly options: RaplMeterOptions) {}

  get name(): string {
    return this.options.name;
  }

  async open(): Promise<void> {
    const classDir = join(this.options.sysfsRoot, "class", "powercap");
    const folders = await zoneFolders(this.name, classDir);
    let found: string | undefined;
    for (const folder of folders) {
      if (folder.endsWith(`/${this.options.zone}`)) found ??= folder;
      else if ((await readSysfsText(this.name, join(folder, "name")).catch(() => undefined)) === this.options.zone) found ??= folder;
    }
    if (found === undefined || !(await sysfsExists(join(found, "energy_uj")))) {
      throw meterError(MeterErrorCode.notFound, this.name, `no powercap zone ${this.options.zone} with energy_uj under ${classDir}`, { context: { zone: this.options.zone, path: classDir } });
    }
    this.folder = found;
    this.label = await readSysfsText(this.name, join(found, "name")).catch(() => this.options.zone);
    this.counter = new EnergyCounter(await readSysfsInteger(this.name, join(found, "max_energy_range_uj")));
    await this.read();
  }

  async read(): Promise<readonly MeterReading[]> {
    const energyUj = await readSysfsInteger(this.name, join(this.folder, "energy_uj"));
    const powerW = this.counter.update(energyUj, this.options.clock.monotonicS());
    return powerW === undefined ? [] : [{ channel: this.label, powerW }];
  }
}
