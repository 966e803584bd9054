/**
 * Xilinx/AMD XRT board power: `xbutil examine [-d <bdf>] -r electrical -f JSON -o <file>` per read
 * (xbutil writes JSON only to a file), into a private temporary folder.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MeterReading, PowerMeter } from "./meter.js";
import { MeterErrorCode, meterError } from "./meter-errors.js";
import { runMeterCommand } from "./run-meter-command.js";
import { parseXrtElectrical } from "./xrt-parse.js";

export interface XrtMeterOptions {
  readonly name: string;
  /** The xbutil executable (default "xbutil"). */
  readonly binary: string;
  /** PCIe BDF of the card (e.g. "0000:b3:00.1"); undefined: every device xbutil reports. */
  readonly device: string | undefined;
  /** Also report V x I of every present power rail as "<device>.<rail>". */
  readonly rails: boolean;
  readonly timeoutS: number;
}

export class XrtMeter implements PowerMeter {
  private folder: string | undefined;
  private reads = 0;

  constructor(private readonly options: XrtMeterOptions) {}

  get name(): string {
    return this.options.name;
  }

  async open(signal: AbortSignal): Promise<void> {
    this.folder = await mkdtemp(join(tmpdir(), "testbench-xrt-"));
    try {
      await this.read(signal);
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async read(signal: AbortSignal): Promise<readonly MeterReading[]> {
    if (this.folder === undefined) throw meterError(MeterErrorCode.readFailed, this.name, "read before open");
    const file = join(this.folder, `electrical-${++this.reads}.json`);
    const device = this.options.device === undefined ? [] : ["-d", this.options.device];
    const argv = [this.options.binary, "examine", ...device, "-r", "electrical", "-f", "JSON", "-o", file];
    await runMeterCommand({ meter: this.name, argv, timeoutS: this.options.timeoutS, signal });
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw meterError(MeterErrorCode.outputInvalid, this.name, `${this.options.binary} exited 0 but wrote no report to ${file}`, { cause: error });
    } finally {
      await rm(file, { force: true });
    }
    return parseXrtElectrical(this.name, text, this.options.rails);
  }

  async close(): Promise<void> {
    if (this.folder !== undefined) await rm(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}
