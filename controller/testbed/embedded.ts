/**
 * The embedded default testbed: a TRex emulator and a local agent, each a process of our own
 * binary on free loopback ports, with a fresh token. The controller then talks to the agent
 * exactly as it would to one on a lab host.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "../../common/logger.js";
import { startChild, type RunningChild } from "./child.js";

export interface EmbeddedTestbed {
  readonly agentUrl: string;
  readonly token: string;
  readonly trexRpcPort: number;
  close(): Promise<void>;
}

export interface EmbeddedTestbedOptions {
  /** Simulated device behind the emulator, e.g. "stretch:mrr=1e7,spread=1e5,seed=1". */
  readonly device: string;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly frameSizeBytes?: number;
}

/** The compiled `testbench` entry point (from sources, as under vitest, the one in dist/). */
export const testbenchBin = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "../../dist/bin/testbench.js" : "../../bin/testbench.js", import.meta.url),
);

/**
 * The agent's meter `sim` (docs/power.md): a flat simulated trace with noise. It does not follow
 * the offered load (the agent's meters cannot see its generator), so power vs load is flat here.
 */
export const EMBEDDED_METER_NAME = "sim";
const embeddedMeterConfig = [
  "meters:",
  `  - name: ${EMBEDDED_METER_NAME}`,
  "    kind: simulated",
  "    intervalMs: 10",
  "    options: {levels: [{atS: 0, powerW: 45}], noiseW: 0.5, seed: 1}",
];

export async function startEmbeddedTestbed(options: EmbeddedTestbedOptions): Promise<EmbeddedTestbed> {
  const dir = await mkdtemp(path.join(tmpdir(), "testbench-embedded-"));
  const children: RunningChild[] = [];
  const close = async () => {
    for (const child of children.reverse()) await child.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const common = { file: process.execPath, readyTimeoutS: 20, logger: options.logger, ...(options.signal && { signal: options.signal }) };
    const trex = await startChild({
      ...common,
      name: "trex-emulator",
      args: [testbenchBin, "trex-emulator", "--port", "0", "--device", options.device],
      readyPattern: /RPC on tcp:\/\/([0-9.]+):(\d+)/,
    });
    children.push(trex);
    const trexRpcPort = Number(trex.match[2]);
    const token = randomBytes(24).toString("hex");
    const tokenFile = path.join(dir, "agent.token");
    await writeFile(tokenFile, `${token}\n`, { mode: 0o600 });
    const configFile = path.join(dir, "agent.yaml");
    await writeFile(
      configFile,
      [
        "agentId: embedded",
        "listen:",
        "  host: 127.0.0.1",
        "  port: 0",
        `tokenFile: ${JSON.stringify(tokenFile)}`,
        "generator:",
        "  kind: trex",
        "  host: 127.0.0.1",
        `  rpcPort: ${trexRpcPort}`,
        "  timeoutS: 3",
        `  frameSizeBytes: ${options.frameSizeBytes ?? 64}`,
        ...embeddedMeterConfig,
        "",
      ].join("\n"),
    );
    const agent = await startChild({ ...common, name: "agent", args: [testbenchBin, "agent", "--config", configFile], readyPattern: /listening on (ws:\/\/\S+)/ });
    children.push(agent);
    return { agentUrl: agent.match[1] ?? "", token, trexRpcPort, close };
  } catch (error) {
    await close();
    throw error;
  }
}
