/**
 * bench:overhead — per-trial control overhead (effective minus intended duration) through the
 * real path: controller -> WebSocket -> agent process -> ZeroMQ JSON-RPC -> TRex emulator process,
 * all on loopback. Baseline measured in the same run: the TRex driver alone against an
 * emulator in this process (no controller, no WebSocket hop). Reference: CSIT's ~500 ms.
 */
import { silentLogger } from "../common/logger.js";
import { preciseSystemClock, systemClock } from "../common/system-clock.js";
import { connectAgent } from "../controller/agents/agent-client.js";
import { RemoteMeasurer } from "../controller/measurers/remote.js";
import { startEmbeddedTestbed } from "../controller/testbed/embedded.js";
import { TrexTrafficGenerator } from "../agent/drivers/trex/index.js";
import { startTrexEmulator } from "../agent/emulators/trex/index.js";
import { csitOverheadMs, ms, summarize, type Summary } from "./lib/stats.js";

const trials = Number(process.env["BENCH_TRIALS"] ?? 300);
const trialDurationS = 0.01;
const loadPps = 1e6;
const device = "hard:mrr=1e7,seed=1";

async function throughAgent(): Promise<Summary> {
  const testbed = await startEmbeddedTestbed({ device, logger: silentLogger });
  try {
    const client = await connectAgent({ url: testbed.agentUrl, token: testbed.token, logger: silentLogger });
    try {
      const measurer = new RemoteMeasurer({ client, trialIdPrefix: "bench" });
      for (let warm = 0; warm < 10; warm += 1) await measurer.measure({ durationS: trialDurationS, loadPps });
      const overheadsMs: number[] = [];
      for (let index = 0; index < trials; index += 1) {
        const result = await measurer.measure({ durationS: trialDurationS, loadPps });
        overheadsMs.push((result.durationWithOverheadsS - result.durationS) * 1000);
      }
      return summarize(overheadsMs);
    } finally {
      await client.close();
    }
  } finally {
    await testbed.close();
  }
}

async function driverOnly(): Promise<Summary> {
  const emulator = await startTrexEmulator({ rpcHost: "127.0.0.1", rpcPort: 0, asyncPort: 0, device, logger: silentLogger, clock: systemClock });
  const generator = new TrexTrafficGenerator({ host: "127.0.0.1", rpcPort: emulator.rpcPort, clock: preciseSystemClock, logger: silentLogger });
  try {
    const request = { durationS: trialDurationS, loadPps, frameSizeBytes: 64, ports: [0, 1], bidirectional: true };
    for (let warm = 0; warm < 10; warm += 1) await generator.runTrial(request);
    const overheadsMs: number[] = [];
    for (let index = 0; index < trials; index += 1) {
      const outcome = await generator.runTrial(request);
      overheadsMs.push((outcome.durationWithOverheadsS - trialDurationS) * 1000);
    }
    return summarize(overheadsMs);
  } finally {
    await generator.close();
    await emulator.close();
  }
}

function line(name: string, summary: Summary): string {
  return `${name.padEnd(46)} p50 ${ms(summary.p50).padStart(9)}  p99 ${ms(summary.p99).padStart(9)}  max ${ms(summary.max).padStart(9)}`;
}

const baseline = await driverOnly();
const full = await throughAgent();
console.log(`bench:overhead: ${trials} trials of ${trialDurationS * 1000} ms at ${loadPps} pps per direction, 2 ports, loopback\n`);
console.log(line("TRex driver alone (baseline, same run)", baseline));
console.log(line("controller -> agent -> TRex emulator", full));
console.log(`\nthe controller->agent hop adds ${ms(full.p50 - baseline.p50)} at p50, ${ms(full.p99 - baseline.p99)} at p99 over the driver alone`);
console.log(`vs CSIT's ~${csitOverheadMs} ms per trial (SSH + Python): ${(csitOverheadMs / full.p50).toFixed(0)}x less at p50, ${(csitOverheadMs / full.p99).toFixed(0)}x less at p99`);
console.log(`goal p99 < 5 ms: ${full.p99 < 5 ? "met" : "NOT met"} (${ms(full.p99)})`);
