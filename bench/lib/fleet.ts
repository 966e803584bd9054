/**
 * A fleet of agents for bench:fanout: this process starts `count` agents on loopback, each with
 * its own TRex emulator driven through TRex's RPC (mode "trex") or with the agent's in-process
 * simulated generator (mode "simulated"), prints one JSON line with their URLs and tokens, and
 * serves until stdin closes or SIGTERM. Usage: fleet.js COUNT FIRST_INDEX [trex|simulated]
 */
import { randomBytes } from "node:crypto";
import { silentLogger } from "../../common/logger.js";
import { systemClock } from "../../common/system-clock.js";
import { parseAgentConfig } from "../../agent/config/load-agent-config.js";
import { startAgent } from "../../agent/main.js";
import { startTrexEmulator } from "../../agent/emulators/trex/index.js";

const count = Number(process.argv[2] ?? 25);
const first = Number(process.argv[3] ?? 0);
const stop = new AbortController();
const closers: Array<() => Promise<void>> = [];
const agents: Array<{ url: string; token: string }> = [];

const generatorKind = process.argv[4] === "simulated" ? "simulated" : "trex";

for (let index = 0; index < count; index += 1) {
  const device = `hard:mrr=1e7,seed=${first + index + 1}`;
  let generator = ["  kind: simulated", `  device: "${device}"`];
  if (generatorKind === "trex") {
    const emulator = await startTrexEmulator({ rpcHost: "127.0.0.1", rpcPort: 0, asyncPort: 0, device, logger: silentLogger, clock: systemClock });
    closers.push(() => emulator.close());
    generator = ["  kind: trex", "  host: 127.0.0.1", `  rpcPort: ${emulator.rpcPort}`];
  }
  const token = randomBytes(24).toString("hex");
  const yaml = [`agentId: fleet-${first + index}`, "listen: {host: 127.0.0.1, port: 0}", `token: ${token}`, "generator:", ...generator, ""].join("\n");
  const config = await parseAgentConfig(yaml, `fleet-${first + index}.yaml`, async () => token);
  const agent = await startAgent(config, { signal: stop.signal, logger: silentLogger });
  closers.push(() => agent.done);
  agents.push({ url: agent.url, token });
}
process.stdout.write(`${JSON.stringify({ agents })}\n`);

const shutdown = async () => {
  stop.abort(new Error("fleet stopping"));
  for (const close of closers.reverse()) await close().catch(() => undefined);
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown());
process.stdin.on("end", () => void shutdown());
process.stdin.resume();
