/**
 * `testbench start` (what `npm start` runs): the default job on the embedded default testbed.
 * It starts a TRex emulator and a local agent as processes on free loopback ports, runs a
 * csit-ndrpdr MLRsearch through them (controller -> agent -> TRex RPC -> emulator), prints
 * the table, and shuts everything down, also on Ctrl-C.
 */
import { Command } from "commander";
import { formatDeviceSpec, parseDeviceSpec } from "../../common/devices/index.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgent } from "../agents/agent-client.js";
import { RemoteMeasurer } from "../measurers/remote.js";
import { lossRatio } from "../search/measurer.js";
import { mlrSearch } from "../search/mlr/search.js";
import { startEmbeddedTestbed } from "../testbed/embedded.js";
import type { CliContext } from "./context.js";
import { exitCodes } from "./context.js";
import { reportJson, reportTable } from "./report.js";
import { addMlrFlags, mlrConfigFromFlags, type MlrFlagValues } from "./search-flags.js";
import { mlrReport } from "./search-mlr.js";

export const defaultStartDevice = "stretch:mrr=1e7,spread=1e5,seed=1";

export function startCommand(context: CliContext): Command {
  return addMlrFlags(new Command("start"))
    .description("the default job: a csit-ndrpdr search through a local agent and the TRex emulator")
    .option("--device <spec>", "simulated device behind the TRex emulator, as kind:key=value,...", defaultStartDevice)
    .option("--json", "print exactly one JSON object")
    .action(async (values: MlrFlagValues & { device: string; json?: boolean }) => {
      const spec = formatDeviceSpec(parseDeviceSpec(values.device));
      const config = mlrConfigFromFlags(values);
      const say = (text: string) => {
        if (!values.json) context.stdout(text);
      };
      say(`Testbench: ${values.preset ?? "csit-ndrpdr"} MLRsearch through a local agent and the TRex emulator (simulated device ${spec})`);
      const testbed = await startEmbeddedTestbed({ device: spec, logger: context.logger, signal: context.signal });
      try {
        say(`agent ${testbed.agentUrl}, TRex emulator RPC on tcp://127.0.0.1:${testbed.trexRpcPort}; load ${config.minLoadPps} .. ${config.maxLoadPps} pps per direction\n`);
        const client = await connectAgent({ url: testbed.agentUrl, token: testbed.token, logger: context.logger }, context.signal);
        try {
          const measurer = new RemoteMeasurer({ client, logger: context.logger, trialIdPrefix: "start" });
          const outcome = await mlrSearch(config, measurer, {
            clock: systemClock,
            signal: context.signal,
            onTrial: ({ index, result }) => {
              if (context.interactive && !values.json) {
                context.stderr(`trial ${index}: ${Math.round(result.loadPps).toLocaleString("en-US")} pps x ${result.durationS} s, loss ratio ${lossRatio(result).toExponential(3)}`);
              }
            },
          });
          const report = mlrReport(outcome);
          context.stdout(values.json ? reportJson(report) : `${reportTable(report)}`);
          if (report.error !== null) process.exitCode = exitCodes.failed;
        } finally {
          await client.close();
        }
      } finally {
        await testbed.close();
      }
    });
}
