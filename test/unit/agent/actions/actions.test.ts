import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionCatalog } from "../../../../agent/actions/action-catalog.js";
import { DEFAULT_STRING_PATTERN, type CommandAction, type HttpAction } from "../../../../agent/actions/action-definition.js";
import { validateParams } from "../../../../agent/actions/action-params.js";
import { runAction } from "../../../../agent/actions/action-runner.js";
import { parseTemplate, renderJsonTemplate } from "../../../../agent/actions/template.js";
import { systemClock } from "../../../../common/system-clock.js";
import { createWallClockNs } from "../../../../common/wire/wall-clock-ns.js";
import type { ActionEvent } from "../../../../common/wire/types.js";
import { createFakeBin, type FakeBin } from "../support/fake-bin.js";

let bin: FakeBin;
beforeAll(async () => {
  bin = await createFakeBin();
});
afterAll(() => bin.remove());

const params = {
  pollMs: { type: "number", min: 1, max: 1000, integer: true, default: 10 },
  target: { type: "enum", values: ["primary", "backup"] },
  note: { type: "string", pattern: DEFAULT_STRING_PATTERN, maxLength: 16, default: "x" },
} as const;

function command(argv: readonly string[], timeoutS = 5): CommandAction {
  return { kind: "command", name: "failover", params, timeoutS, argv: argv.map(parseTemplate) };
}

const context = (runId = "r1", signal = new AbortController().signal, onEvent?: (event: ActionEvent) => void) => ({
  runId,
  clock: systemClock,
  wallClockNs: createWallClockNs(systemClock),
  signal,
  ...(onEvent ? { onEvent } : {}),
});

describe("parameters", () => {
  const action = command(["/bin/true", "{pollMs}", "{target}", "{note}"]);

  it("types values and fills defaults", () => {
    expect(validateParams(action, { target: "backup" })).toEqual({ pollMs: 10, target: "backup", note: "x" });
    expect(validateParams(action, { target: "primary", pollMs: "250" })).toMatchObject({ pollMs: 250 });
  });

  it.each([
    [{ target: "sideways" }, "target", "must be one of primary, backup"],
    [{ target: "backup", pollMs: "0.5" }, "pollMs", "an integer in [1, 1000]"],
    [{ target: "backup", note: "--rm" }, "note", "matching"],
    [{}, "target", "is required"],
    [{ target: "backup", extra: "1" }, "extra", "is not declared"],
  ])("refuses %o naming %s with ACTION_PARAMS_INVALID", (raw, parameter, problem) => {
    expect(() => validateParams(action, raw)).toThrow(expect.objectContaining({ code: "ACTION_PARAMS_INVALID", context: { action: "failover", parameter } }));
    expect(() => validateParams(action, raw)).toThrow(problem);
  });

  it("knows only the actions of the config", () => {
    expect(() => new ActionCatalog([action]).get("reboot")).toThrow(expect.objectContaining({ code: "ACTION_UNKNOWN", context: { action: "reboot" } }));
  });
});

describe("templates", () => {
  it("substitutes placeholders and keeps {{ }} literal", () => {
    expect(renderJsonTemplate(parseTemplate("{{x}} {a}-{b}"), { a: 1, b: "y" })).toBe("{x} 1-y");
    expect(renderJsonTemplate({ poll: parseTemplate("{a}"), label: parseTemplate("p{a}") }, { a: 5 })).toEqual({ poll: 5, label: "p5" });
    expect(() => parseTemplate("{bad name}")).toThrow(/malformed placeholder/);
  });
});

describe("command actions", () => {
  it("runs argv without a shell and records started/finished events with the exit code", async () => {
    const script = await bin.add("failover-ok", 'echo "switched to $2 with poll $1"');
    const events: ActionEvent[] = [];
    const result = await runAction(command([script, "{pollMs}", "{target}"]), { pollMs: 10, target: "a b; rm -rf /", note: "x" }, context("r1", undefined, (event) => events.push(event)));
    expect(result).toMatchObject({ runId: "r1", action: "failover", outcome: "succeeded", stdout: "switched to a b; rm -rf / with poll 10\n", httpStatus: 0 });
    expect(events.map((event) => event.phase)).toEqual(["started", "finished"]);
    expect(result.ended).toMatchObject({ phase: "finished", exitCode: 0, detail: "exit 0" });
    expect(result.ended!.atUnixNs).toBeGreaterThanOrEqual(result.started!.atUnixNs);
  });

  it("records a non-zero exit as failed, with stderr in the detail, output bounded", async () => {
    const script = await bin.add("failover-bad", 'head -c 200000 /dev/zero | tr "\\0" x; echo "no backup path" >&2; exit 3');
    const result = await runAction(command([script]), {}, context());
    expect(result).toMatchObject({ outcome: "failed", outputTruncated: true, stderr: "no backup path\n", ended: { phase: "failed", exitCode: 3, detail: "exit 3: no backup path" } });
    expect(result.stdout.length).toBe(64 * 1024);
  });

  it("kills a command at its timeout, and a cancelled one", async () => {
    const slow = await bin.add("failover-slow", "exec sleep 10");
    expect(await runAction(command([slow], 0.2), {}, context())).toMatchObject({ outcome: "timed-out", ended: { phase: "failed", detail: "timed out after 0.2 s; killed" } });
    const cancel = new AbortController();
    const running = runAction(command([slow]), {}, context("r2", cancel.signal, (event) => event.phase === "started" && cancel.abort()));
    expect(await running).toMatchObject({ outcome: "cancelled" });
  });

  it("records a missing executable as failed", async () => {
    expect(await runAction(command([`${bin.dir}/missing`]), {}, context())).toMatchObject({ outcome: "failed", ended: { detail: expect.stringContaining("ENOENT") } });
  });
});

describe("HTTP actions", () => {
  let url = "";
  const requests: Array<{ method: string; url: string; body: string; type: string }> = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      requests.push({ method: request.method ?? "", url: request.url ?? "", body, type: request.headers["content-type"] ?? "" });
      if (request.url?.startsWith("/slow")) return;
      response.writeHead(request.url?.startsWith("/fail?") ? 503 : 200).end("done");
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function http(path: string, timeoutS = 5): HttpAction {
    return {
      kind: "http",
      name: "notify",
      params,
      timeoutS,
      method: "POST",
      url: parseTemplate(`${url}${path}?to={target}`),
      headers: {},
      body: { kind: "json", template: { pollMs: parseTemplate("{pollMs}"), note: parseTemplate("{note}") } },
    };
  }

  it("sends the templated request (URL-encoded values, typed JSON) and succeeds on 2xx", async () => {
    const result = await runAction(http("/failover"), { pollMs: 20, target: "b&c", note: "n" }, context());
    expect(result).toMatchObject({ outcome: "succeeded", httpStatus: 200, stdout: "done", ended: { phase: "finished", exitCode: -1, detail: "HTTP 200" } });
    expect(requests.at(-1)).toEqual({ method: "POST", url: "/failover?to=b%26c", body: '{"pollMs":20,"note":"n"}', type: "application/json" });
  });

  it("fails on a non-2xx status, times out, and reports a refused connection", async () => {
    expect(await runAction(http("/fail"), { pollMs: 1, target: "backup", note: "n" }, context())).toMatchObject({ outcome: "failed", httpStatus: 503 });
    expect(await runAction(http("/slow", 0.2), { pollMs: 1, target: "backup", note: "n" }, context())).toMatchObject({ outcome: "timed-out" });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused: HttpAction = { ...http("/x"), url: parseTemplate(`http://127.0.0.1:${freePort}/{target}`) };
    expect(await runAction(refused, { pollMs: 1, target: "backup", note: "n" }, context())).toMatchObject({ outcome: "failed", ended: { detail: expect.stringContaining("ECONNREFUSED") } });
  });
});
