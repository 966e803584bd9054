import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadAgentConfig, parseAgentConfig } from "../../../../agent/config/load-agent-config.js";

const TOKEN = "s3cret-token-0123456789";
const noTokenFile = (): Promise<string> => Promise.reject(new Error("no token files in this test"));

function parse(text: string) {
  return parseAgentConfig(text, "agent.yaml", noTokenFile);
}

const minimal = `token: ${TOKEN}\ngenerator:\n  kind: simulated\n  device: "stretch:mrr=1e7,spread=1e5"\n`;

describe("parseAgentConfig", () => {
  it("applies defaults to a minimal file", async () => {
    const config = await parse(`agentId: tg-1\n${minimal}`);
    expect(config).toMatchObject({
      agentId: "tg-1",
      listen: { host: "127.0.0.1", port: 8765 },
      token: TOKEN,
      limits: { maxMessageBytes: 1048576, maxPendingRequests: 16 },
      heartbeatIntervalS: 5,
      generator: { kind: "simulated", device: "stretch:mrr=1e7,spread=1e5", frameSizeBytes: 64, ports: [0, 1] },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads every key of a trex generator, port 0 allowed", async () => {
    const config = await parse(
      [
        "listen: {host: 0.0.0.0, port: 0}",
        `token: ${TOKEN}`,
        "limits: {maxMessageBytes: 65536, maxPendingRequests: 4}",
        "heartbeatIntervalS: 0.5",
        "generator:",
        "  kind: trex",
        "  host: 10.0.0.2",
        "  rpcPort: 4502",
        "  timeoutS: 3",
        "  frameSizeBytes: 1518",
        "  ports: [0, 1, 2, 3]",
      ].join("\n"),
    );
    expect(config.listen).toEqual({ host: "0.0.0.0", port: 0 });
    expect(config.limits).toEqual({ maxMessageBytes: 65536, maxPendingRequests: 4 });
    expect(config.generator).toEqual({ kind: "trex", host: "10.0.0.2", rpcPort: 4502, timeoutS: 3, frameSizeBytes: 1518, ports: [0, 1, 2, 3] });
  });

  it.each([
    ["a negative port", `listen:\n  port: -1\n${minimal}`, 2, "listen.port", /must be an integer in \[0, 65535\], got -1/],
    ["a misspelt key", `heartbeat_interval_s: 5\n${minimal}`, 1, "heartbeat_interval_s", /did you mean heartbeatIntervalS\?/],
    ["a string limit", `limits:\n  maxPendingRequests: many\n${minimal}`, 2, "limits.maxPendingRequests", /got "many"/],
    ["an unknown generator kind", `token: ${TOKEN}\ngenerator:\n  kind: ixia\n`, 3, "generator.kind", /"simulated" or "trex"/],
    ["a bad device", `token: ${TOKEN}\ngenerator:\n  kind: simulated\n  device: "wobbly:mrr=1"\n`, 4, "generator.device", /Unknown device kind/],
    ["an odd number of ports", `${minimal}  ports: [0, 1, 2]\n`, 5, "generator.ports", /pairs/],
    ["a short token", `token: short\ngenerator:\n  kind: simulated\n  device: hard:mrr=1e6\n`, 1, "token", /at least 16/],
    ["no generator", `token: ${TOKEN}\n`, 1, "generator", /is required/],
  ])("refuses %s naming file, line and key", async (_name, text, line, key, message) => {
    const error = await parse(text).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "AGENT_CONFIG_INVALID", context: { file: "agent.yaml", line, key } });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(new RegExp(`^agent\\.yaml:${line}: ${key.replaceAll(".", "\\.")}`));
  });

  it("reports YAML syntax errors with their line", async () => {
    await expect(parse(`${minimal}listen: host: x\n`)).rejects.toMatchObject({ code: "AGENT_CONFIG_INVALID", context: { line: 5 } });
  });

  it("refuses token together with tokenFile", async () => {
    await expect(parse(`tokenFile: t.txt\n${minimal}`)).rejects.toMatchObject({ context: { key: "tokenFile" } });
  });
});

describe("loadAgentConfig", () => {
  let folder = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "agent-config-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("reads tokenFile relative to the config file, trimming the newline", async () => {
    await writeFile(join(folder, "token.txt"), `${TOKEN}\n`);
    await writeFile(join(folder, "agent.yaml"), "tokenFile: token.txt\ngenerator: {kind: simulated, device: 'hard:mrr=1e6'}\n");
    const config = await loadAgentConfig(join(folder, "agent.yaml"));
    expect(config.token).toBe(TOKEN);
  });

  it("names the tokenFile line when the token file is missing", async () => {
    const path = join(folder, "agent.yaml");
    await writeFile(path, "generator: {kind: simulated, device: 'hard:mrr=1e6'}\ntokenFile: missing.txt\n");
    await expect(loadAgentConfig(path)).rejects.toMatchObject({ code: "AGENT_CONFIG_INVALID", context: { file: path, line: 2, key: "tokenFile" } });
  });

  it("fails with AGENT_CONFIG_UNREADABLE for a missing config file", async () => {
    await expect(loadAgentConfig(join(folder, "nope.yaml"))).rejects.toMatchObject({ code: "AGENT_CONFIG_UNREADABLE" });
  });
});
