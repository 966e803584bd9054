/**
 * wss:// on the agent: the certificate it serves, and client-certificate verification (required,
 * optional, refused), through real TLS handshakes on 127.0.0.1 with openssl-made certificates.
 */
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { TlsConfig } from "../../../../agent/config/tls-config.js";
import type { AgentServer } from "../../../../agent/server/agent-server.js";
import { decodeEnvelope } from "../../../../common/wire/codec.js";
import { WIRE_SUBPROTOCOL } from "../../../../common/wire/protocol.js";
import { TEST_TOKEN } from "../../../fixtures/wire/agent-harness.js";
import { capturingLogger, startFixtureServer } from "./server-fixture.js";
import { makeTestCertificates, type TestCertificates } from "./tls-certificates.js";

const certificates = await makeTestCertificates();
let server: AgentServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  if (certificates !== undefined) await rm(certificates.dir, { recursive: true, force: true });
});

type Outcome = { kind: "hello"; agentId: string } | { kind: "status"; status: number } | { kind: "error"; message: string };

function attempt(url: string, options: { token?: string; cert?: string; key?: string; ca?: string }): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, [WIRE_SUBPROTOCOL], {
      headers: options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` },
      ...(options.ca === undefined ? {} : { ca: readFileSync(options.ca) }),
      ...(options.cert === undefined ? {} : { cert: readFileSync(options.cert), key: readFileSync(options.key!) }),
    });
    socket.on("message", (data: Buffer) => {
      const envelope = decodeEnvelope(data);
      if (envelope.body?.kind === "agentHello") resolve({ kind: "hello", agentId: envelope.body.value.agentId });
      socket.close();
    });
    socket.on("unexpected-response", (_request, response) => {
      resolve({ kind: "status", status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on("error", (error) => resolve({ kind: "error", message: error.message }));
    socket.on("close", () => resolve({ kind: "error", message: "closed" }));
  });
}

describe.skipIf(certificates === undefined)(`agent server over TLS${certificates === undefined ? " (skipped: the openssl CLI is not installed, Debian package openssl)" : ""}`, () => {
  let certs: TestCertificates;
  const tls = (overrides: Partial<TlsConfig> = {}): TlsConfig => ({ certFile: certs.serverCert, keyFile: certs.serverKey, clientCaFile: undefined, requireClientCert: false, ...overrides });

  beforeAll(() => {
    certs = certificates!;
  });

  it("serves wss:// with its certificate; a client that trusts the CA and has the token gets the hello", async () => {
    server = await startFixtureServer({ tls: tls() });
    expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile })).toEqual({ kind: "hello", agentId: "tg-test" });
    expect(await attempt(server.url, { token: "wrong-token-0123456789", ca: certs.caFile })).toEqual({ kind: "status", status: 401 });
    // A client that does not trust the agent's CA refuses the agent.
    expect(await attempt(server.url, { token: TEST_TOKEN })).toMatchObject({ kind: "error", message: expect.stringMatching(/certificate/i) });
    // Plain ws:// to a TLS port gets nowhere.
    expect((await attempt(server.url.replace("wss:", "ws:"), { token: TEST_TOKEN })).kind).toBe("error");
  });

  it("with requireClientCert, refuses clients without a certificate or with one from another CA during the TLS handshake", async () => {
    const { logger, lines } = capturingLogger();
    server = await startFixtureServer({ tls: tls({ clientCaFile: certs.caFile, requireClientCert: true }), logger });
    expect((await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile })).kind).toBe("error");
    expect((await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile, cert: certs.rogueCert, key: certs.rogueKey })).kind).toBe("error");
    expect(await attempt(server.url, { token: "wrong-token-0123456789", ca: certs.caFile, cert: certs.clientCert, key: certs.clientKey })).toEqual({ kind: "status", status: 401 });
    expect(await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile, cert: certs.clientCert, key: certs.clientKey })).toEqual({ kind: "hello", agentId: "tg-test" });
    const connected = lines().find((line) => line["msg"] === "controller connected");
    expect(connected).toMatchObject({ clientCertificate: "controller-1" });
    expect(lines().some((line) => line["msg"] === "TLS handshake refused")).toBe(true);
  });

  it("with a client CA but certificates optional, lets token-only clients in and refuses an untrusted certificate (403)", async () => {
    server = await startFixtureServer({ tls: tls({ clientCaFile: certs.caFile, requireClientCert: false }) });
    expect(await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile })).toEqual({ kind: "hello", agentId: "tg-test" });
    expect(await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile, cert: certs.rogueCert, key: certs.rogueKey })).toEqual({ kind: "status", status: 403 });
    expect(await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile, cert: certs.clientCert, key: certs.clientKey })).toEqual({ kind: "hello", agentId: "tg-test" });
  });

  it("fails to start with a clear error when a TLS file is missing or not PEM", async () => {
    await expect(startFixtureServer({ tls: tls({ keyFile: join(certs.dir, "absent.key") }) })).rejects.toMatchObject({
      code: "AGENT_TLS_UNREADABLE",
      context: { file: join(certs.dir, "absent.key") },
    });
    const garbage = join(certs.dir, "garbage.pem");
    await writeFile(garbage, "not a certificate\n");
    await expect(startFixtureServer({ tls: tls({ certFile: garbage }) })).rejects.toMatchObject({ code: "AGENT_TLS_INVALID" });
  });

  it("never logs the private key", async () => {
    const { logger, text } = capturingLogger("trace");
    server = await startFixtureServer({ tls: tls({ clientCaFile: certs.caFile, requireClientCert: true }), logger });
    await attempt(server.url, { token: TEST_TOKEN, ca: certs.caFile, cert: certs.clientCert, key: certs.clientKey });
    const keyBody = readFileSync(certs.serverKey, "utf8").split("\n")[1]!;
    expect(text()).not.toContain(keyBody);
    expect(text()).not.toContain(TEST_TOKEN);
  });
});
