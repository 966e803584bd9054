/**
 * Controller -> agent over real WebSockets on loopback: agents started by runAgent from agent.yaml
 * files on disk, the simulated generator, an RFC 2544 search through the RemoteMeasurer, and an
 * agent restarted on the same port in the middle of that search.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAgent, type RunningAgent } from "../../agent/main.js";
import { systemClock } from "../../common/system-clock.js";
import { connectAgent, type AgentClient } from "../../controller/agents/agent-client.js";
import { RemoteMeasurer } from "../../controller/measurers/remote.js";
import { runRfc2544Search } from "../../controller/search/rfc2544/search.js";

const TOKEN = "integration-token-0123456789";

/** A pino logger whose lines the test can wait for. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ accepts: (line: Record<string, unknown>) => boolean; resolve: () => void }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n").filter(Boolean)) {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        for (const waiter of waiters.filter((candidate) => candidate.accepts(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
      done();
    },
  });
  const logger = pino({ level: "info", redact: { paths: ["token", "*.token"], censor: "[redacted]" } }, stream);
  const waitFor = (accepts: (line: Record<string, unknown>) => boolean): Promise<void> =>
    lines.some(accepts) ? Promise.resolve() : new Promise((resolve) => waiters.push({ accepts, resolve }));
  return { logger, lines, waitFor };
}

let folder = "";
const stops: Array<() => Promise<void>> = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "agent-wire-"));
  await writeFile(join(folder, "token"), `${TOKEN}\n`);
});

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await rm(folder, { recursive: true, force: true });
});

async function agentFromYaml(name: string, port: number, logger = capturingLogger().logger): Promise<{ agent: RunningAgent; stop: () => Promise<void> }> {
  const path = join(folder, `${name}.yaml`);
  await writeFile(
    path,
    [
      `agentId: ${name}`,
      `listen: {host: 127.0.0.1, port: ${port}}`,
      "tokenFile: token",
      "heartbeatIntervalS: 1",
      "generator:",
      "  kind: simulated",
      '  device: "hard:mrr=1e6,noise=0"',
      "  ports: [0, 1]",
      "",
    ].join("\n"),
  );
  const controller = new AbortController();
  const agent = await runAgent(path, { signal: controller.signal, logger });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    controller.abort();
    await agent.done;
  };
  stops.push(stop);
  return { agent, stop };
}

async function client(url: string): Promise<AgentClient> {
  const connected = await connectAgent({ url, token: TOKEN, backoff: { initialDelayS: 0.01, maxDelayS: 0.1 } });
  stops.push(() => connected.close());
  return connected;
}

const searchOptions = { minLoadPps: 100_000, maxLoadPps: 2_000_000, trialDurationS: 0.05, relativeResolution: 0.05, lossRatio: 0 };

describe("agent wire, end to end", () => {
  it("runs an RFC 2544 search through an agent started from agent.yaml", async () => {
    const { agent } = await agentFromYaml("tg-a", 0);
    const measurer = new RemoteMeasurer({ client: await client(agent.url) });
    const result = await runRfc2544Search({ measurer, clock: systemClock, options: searchOptions });
    expect(result.throughputPps).toBeLessThanOrEqual(1_000_000);
    expect(result.throughputPps).toBeGreaterThan(950_000);
    expect(result.trials.every((trial) => trial.offeredCount === 2 * Math.floor(trial.loadPps * 0.05))).toBe(true);
  });

  it("survives an agent restart mid-search: same result, same trials, the interrupted one repeated", async () => {
    const reference = await agentFromYaml("tg-ref", 0);
    const referenceResult = await runRfc2544Search({ measurer: new RemoteMeasurer({ client: await client(reference.agent.url) }), clock: systemClock, options: searchOptions });

    const firstLogs = capturingLogger();
    const first = await agentFromYaml("tg-b", 0, firstLogs.logger);
    const measurer = new RemoteMeasurer({ client: await client(first.agent.url), trialIdPrefix: "search" });
    const searching = runRfc2544Search({ measurer, clock: systemClock, options: searchOptions });
    await firstLogs.waitFor((line) => line["msg"] === "trial started" && line["trialId"] === "search-3");
    await first.stop();
    const secondLogs = capturingLogger();
    const second = await agentFromYaml("tg-b", first.agent.port, secondLogs.logger);
    const result = await searching;

    expect(second.agent.port).toBe(first.agent.port);
    expect(firstLogs.lines.some((line) => line["msg"] === "trial abandoned: the session ended" && line["trialId"] === "search-3")).toBe(true);
    expect(secondLogs.lines.some((line) => line["msg"] === "trial finished" && line["trialId"] === "search-3-attempt2")).toBe(true);
    expect(result.throughputPps).toBe(referenceResult.throughputPps);
    expect(result.trials.map((trial) => trial.loadPps)).toEqual(referenceResult.trials.map((trial) => trial.loadPps));
    expect(result.trials.map((trial) => trial.offeredCount)).toEqual(referenceResult.trials.map((trial) => trial.offeredCount));
  });

  it("never writes the token to its logs", async () => {
    const logs = capturingLogger();
    const { agent } = await agentFromYaml("tg-c", 0, logs.logger);
    await (await client(agent.url)).measureClockOffset(2);
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs.lines)).not.toContain(TOKEN);
  });
});
