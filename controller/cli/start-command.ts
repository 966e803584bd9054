/**
 * `testbench start` (what `npm start` runs): the default job on the embedded default
 * testbed. For now a csit-ndrpdr MLRsearch on a built-in simulated device.
 */
import { Command } from "commander";
import { formatDeviceSpec, parseDeviceSpec } from "../../common/devices/index.js";
import { createDevice } from "../../common/devices/index.js";
import { createSimulatedMeasurer } from "../measurers/simulated.js";
import type { CliContext } from "./context.js";
import { exitCodes } from "./context.js";
import { reportJson, reportTable } from "./report.js";
import { mlrConfigFromFlags } from "./search-flags.js";
import { mlrReport, runMlrOnVirtualTime } from "./search-mlr.js";

export const defaultStartDevice = "stretch:mrr=1e7,spread=1e5,seed=1";

export function startCommand(context: CliContext): Command {
  return new Command("start")
    .description("run the default job: a csit-ndrpdr search on the embedded simulated testbed")
    .option("--device <spec>", "simulated device as kind:key=value,...", defaultStartDevice)
    .option("--json", "print exactly one JSON object")
    .action(async (values: { device: string; json?: boolean }) => {
      const spec = parseDeviceSpec(values.device);
      const measurer = createSimulatedMeasurer({ device: createDevice(spec) });
      const config = mlrConfigFromFlags({ preset: "csit-ndrpdr" });
      if (!values.json) {
        context.stdout(`Testbench: csit-ndrpdr MLRsearch (NDR + PDR, 1 s trials, 21 s duration sum) on simulated device ${formatDeviceSpec(spec)}`);
        context.stdout(`load range ${config.minLoadPps} .. ${config.maxLoadPps} pps per direction\n`);
      }
      const outcome = await runMlrOnVirtualTime(config, measurer, { signal: context.signal });
      const report = mlrReport(outcome);
      context.stdout(values.json ? reportJson(report) : reportTable(report));
      if (report.error !== null) process.exitCode = exitCodes.failed;
    });
}
