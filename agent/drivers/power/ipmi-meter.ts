/** IPMI DCMI system power: runs the configured command (default `ipmitool dcmi power reading`) per read. */
import { parseDcmiPowerW } from "./ipmi-dcmi-parse.js";
import type { MeterReading, PowerMeter } from "./meter.js";
import { runMeterCommand } from "./run-meter-command.js";

export const DEFAULT_IPMI_COMMAND: readonly string[] = Object.freeze(["ipmitool", "dcmi", "power", "reading"]);

export interface IpmiMeterOptions {
  readonly name: string;
  /** argv, e.g. ["ipmitool", "-I", "lanplus", "-H", "bmc1", "-U", "u", "-f", "/etc/bmc.pass", "dcmi", "power", "reading"]. */
  readonly command: readonly string[];
  readonly channel: string;
  readonly timeoutS: number;
}

export class IpmiMeter implements PowerMeter {
  constructor(private readonly options: IpmiMeterOptions) {}

  get name(): string {
    return this.options.name;
  }

  async open(signal: AbortSignal): Promise<void> {
    await this.read(signal);
  }

  async read(signal: AbortSignal): Promise<readonly MeterReading[]> {
    const output = await runMeterCommand({ meter: this.name, argv: this.options.command, timeoutS: this.options.timeoutS, signal });
    return [{ channel: this.options.channel, powerW: parseDcmiPowerW(this.name, output) }];
  }
}
