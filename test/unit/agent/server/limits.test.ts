/**
 * The agent server's defences through real sockets on 127.0.0.1: failed authentications are
 * rate-limited per address (429 with Retry-After, even for the right token, until the cool-down
 * ends), connection floods are cut per address, idle connections are dropped, and an agent
 * without a token listens on loopback only.
 */
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { AgentServer } from "../../../../agent/server/agent-server.js";
import { WIRE_SUBPROTOCOL } from "../../../../common/wire/protocol.js";
import { TEST_TOKEN } from "../../../fixtures/wire/agent-harness.js";
import { capturingLogger, startFixtureServer } from "./server-fixture.js";

let server: AgentServer | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
});

function upgrade(url: string, token: string | undefined): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, [WIRE_SUBPROTOCOL], { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
    socket.on("unexpected-response", (_request, response) => {
      resolve({ status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"] });
      socket.terminate();
    });
    socket.on("open", () => {
      resolve({ status: 101, retryAfter: undefined });
      socket.close();
    });
    socket.on("error", reject);
  });
}

function rawConnection(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    sockets.push(socket);
    const closed = new Promise<void>((done) => socket.once("close", () => done()));
    socket.once("connect", () => resolve({ socket, closed }));
    socket.once("error", reject);
  });
}

describe("failed authentications are rate-limited per address", () => {
  it("answers 429 with Retry-After once the burst is spent, even to the right token, and lets it in after the cool-down", async () => {
    const { logger, text } = capturingLogger();
    server = await startFixtureServer({ authRateLimit: { burst: 3, refillS: 60, cooldownS: 0.5 }, logger });
    for (const token of [undefined, "wrong-token-0123456789", "wrong-token-9876543210"]) expect((await upgrade(server.url, token)).status).toBe(401);
    expect((await upgrade(server.url, "wrong-token-000000000000")).status).toBe(401);
    expect(await upgrade(server.url, TEST_TOKEN)).toEqual({ status: 429, retryAfter: "1" });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await upgrade(server.url, TEST_TOKEN)).status).toBe(101);
    expect(text()).toContain("too many failed authentications; refusing this address for a while");
    expect(text()).not.toContain("wrong-token");
    expect(text()).not.toContain(TEST_TOKEN);
  });
});

describe("connection flood guard", () => {
  it("destroys connections beyond the per-address limit on arrival and drops idle ones after the handshake timeout", async () => {
    server = await startFixtureServer({ connectionGuard: { maxConnectionsPerPeer: 4, handshakeTimeoutS: 0.4 } });
    const { port } = server;
    const idle = await Promise.all([0, 1, 2, 3].map(() => rawConnection(port)));
    const extra = await rawConnection(port);
    // The fifth is closed at once, before the idle four time out.
    await expect(Promise.race([extra.closed.then(() => "closed"), new Promise((resolve) => setTimeout(() => resolve("open"), 200))])).resolves.toBe("closed");
    expect((await upgrade(server.url, TEST_TOKEN).catch(() => ({ status: 0 }))).status).toBe(0);
    await Promise.all(idle.map((connection) => connection.closed));
    expect((await upgrade(server.url, TEST_TOKEN)).status).toBe(101);
  });

  it("counts upgraded sessions too, and frees their slots when they close", async () => {
    server = await startFixtureServer({ connectionGuard: { maxConnections: 2, handshakeTimeoutS: 0.3 } });
    const open = (): Promise<WebSocket> =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(server!.url, [WIRE_SUBPROTOCOL], { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
        socket.once("open", () => resolve(socket));
        socket.once("error", reject);
      });
    const sessions = [await open(), await open()];
    // Upgraded sessions are not dropped by the handshake timeout.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sessions.every((socket) => socket.readyState === WebSocket.OPEN)).toBe(true);
    await expect(open()).rejects.toThrow();
    sessions[0]!.close();
    await new Promise((resolve) => sessions[0]!.once("close", resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = await open();
    third.close();
    sessions[1]!.close();
  });
});

describe("an agent without a token", () => {
  it("refuses to listen on a non-loopback address", async () => {
    await expect(startFixtureServer({ token: "", host: "0.0.0.0" })).rejects.toMatchObject({ code: "AGENT_TOKEN_REQUIRED", context: { host: "0.0.0.0" } });
  });

  it("on loopback, accepts controllers without a token and says that authentication is off", async () => {
    const { logger, text } = capturingLogger();
    server = await startFixtureServer({ token: "", logger });
    expect((await upgrade(server.url, undefined)).status).toBe(101);
    expect(text()).toContain("authentication is off: no token, listening on loopback only");
  });
});
