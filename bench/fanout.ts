/**
 * bench:fanout — one controller, 50 agents: every round runs one trial on every agent at once,
 * and the per-trial control overhead (effective minus intended duration) is summarized. The
 * agents run in two fleet processes on this same 2-core machine: once with their in-process
 * simulated generators (what the controller's fan-out costs), once each driving its own TRex
 * emulator (everything contending for the same cores, which a lab's separate hosts would not).
 * Baseline measured in the same run: the same rounds on a single agent.
 */
import { execa } from "execa";
import { fileURLToPath } from "node:url";
import { silentLogger } from "../common/logger.js";
import { connectAgent, type AgentClient } from "../controller/agents/agent-client.js";
import { RemoteMeasurer } from "../controller/measurers/remote.js";
import { csitOverheadMs, ms, summarize, type Summary } from "./lib/stats.js";

const agentCount = Number(process.env["BENCH_AGENTS"] ?? 50);
const rounds = Number(process.env["BENCH_ROUNDS"] ?? 20);
const fleetProcesses = 2;
const trialDurationS = 0.01;
const fleetScript = fileURLToPath(new URL("./lib/fleet.js", import.meta.url));

async function startFleet(mode: "trex" | "simulated"): Promise<{ agents: Array<{ url: string; token: string }>; stop: () => Promise<void> }> {
  const perProcess = Math.ceil(agentCount / fleetProcesses);
  const children = Array.from({ length: fleetProcesses }, (_, index) => execa(process.execPath, [...(process.env["BENCH_PROFILE"] ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []), fleetScript, String(Math.min(perProcess, agentCount - index * perProcess)), String(index * perProcess), mode], { stdin: "pipe", buffer: false, reject: false }));
  const lists = await Promise.all(
    children.map(
      (child) =>
        new Promise<Array<{ url: string; token: string }>>((resolve, reject) => {
          let text = "";
          child.stdout?.on("data", (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes("\n")) resolve((JSON.parse(text.split("\n")[0] ?? "{}") as { agents: Array<{ url: string; token: string }> }).agents);
          });
          void child.then((result) => reject(new Error(`fleet exited early: ${String(result.stderr ?? "")}`)));
        }),
    ),
  );
  const stop = async () => {
    for (const child of children) child.stdin?.end();
    await Promise.all(children);
  };
  return { agents: lists.flat(), stop };
}

async function rounds_(measurers: readonly RemoteMeasurer[]): Promise<Summary> {
  const overheadsMs: number[] = [];
  for (let round = -2; round < rounds; round += 1) {
    const results = await Promise.all(measurers.map((measurer) => measurer.measure({ durationS: trialDurationS, loadPps: 1e6 })));
    if (round >= 0) for (const result of results) overheadsMs.push((result.durationWithOverheadsS - result.durationS) * 1000);
  }
  return summarize(overheadsMs);
}

const line = (name: string, s: Summary) => `${name.padEnd(52)} ${String(s.count).padStart(5)} trials  p50 ${ms(s.p50).padStart(9)}  p99 ${ms(s.p99).padStart(9)}  max ${ms(s.max).padStart(9)}`;

async function measureFleet(mode: "trex" | "simulated"): Promise<{ single: Summary; all: Summary }> {
  const fleet = await startFleet(mode);
  const clients: AgentClient[] = [];
  try {
    for (const agent of fleet.agents) clients.push(await connectAgent({ url: agent.url, token: agent.token, logger: silentLogger }));
    const measurers = clients.map((client, index) => new RemoteMeasurer({ client, trialIdPrefix: `fanout-${index}` }));
    return { single: await rounds_(measurers.slice(0, 1)), all: await rounds_(measurers) };
  } finally {
    for (const client of clients) await client.close();
    await fleet.stop();
  }
}

console.log(`bench:fanout: ${rounds} rounds of one ${trialDurationS * 1000} ms trial on every agent at once; the agents run in ${fleetProcesses} fleet processes on this same machine\n`);
const simulated = await measureFleet("simulated");
console.log(line("1 agent, simulated generator (baseline, same run)", simulated.single));
console.log(line(`${agentCount} agents, simulated generators`, simulated.all));
const trex = await measureFleet("trex");
console.log(line("1 agent, TRex emulator (baseline, same run)", trex.single));
console.log(line(`${agentCount} agents, each with its TRex emulator`, trex.all));
console.log(`\ncontroller fan-out (simulated generators): ${agentCount} agents cost ${(simulated.all.p99 / simulated.single.p99).toFixed(2)}x the single-agent p99; ${(csitOverheadMs / simulated.all.p99).toFixed(0)}x less than CSIT's ~${csitOverheadMs} ms`);
console.log(`with ${agentCount} TRex emulators sharing the controller's 2 cores: p99 ${ms(trex.all.p99)}, ${(csitOverheadMs / trex.all.p99).toFixed(0)}x less than CSIT's ~${csitOverheadMs} ms`);
console.log(`goal p99 < 10 ms: ${simulated.all.p99 < 10 ? "met" : "NOT met"} for the controller fan-out (${ms(simulated.all.p99)}), ${trex.all.p99 < 10 ? "met" : "NOT met"} with emulators on the same cores (${ms(trex.all.p99)})`);
