/**
 * The agent's WebSocket server (ws://, or wss:// with optional client certificates):
 * guards against connection floods, authenticates during the upgrade (429/403/401 before any
 * frame is read), caps frame sizes, runs liveness, and gives every connection its own AgentSession.
 */
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Clock } from "../../common/clock.js";
import type { Logger } from "../../common/logger.js";
import { HARD_FRAME_LIMIT_FACTOR, WIRE_SUBPROTOCOL } from "../../common/wire/protocol.js";
import type { TlsConfig } from "../config/tls-config.js";
import { assertTokenPolicy } from "../config/token-policy.js";
import { AgentSession } from "../session/agent-session.js";
import type { SessionContext } from "../session/session-context.js";
import type { AuthRateLimitPolicy } from "./auth-rate-limit.js";
import { ConnectionGuard, type ConnectionGuardPolicy } from "./connection-guard.js";
import { startHeartbeat } from "./heartbeat.js";
import { listen, refuseUpgrade, stopHttpServer } from "./http-helpers.js";
import { createAgentHttpServer } from "./tls-server.js";
import { createUpgradeGate } from "./upgrade-gate.js";

export interface AgentServerOptions {
  readonly host: string;
  /** 0: any free port (see AgentServer.port). */
  readonly port: number;
  /** The shared secret; "" turns authentication off and is allowed on a loopback address only. */
  readonly token: string;
  /** Serve wss:// (and check client certificates when it names a client CA). */
  readonly tls?: TlsConfig | undefined;
  /** Failed-authentication limits per peer address (docs/security.md). */
  readonly authRateLimit?: Partial<AuthRateLimitPolicy>;
  /** Connection-flood limits (docs/security.md). */
  readonly connectionGuard?: Partial<ConnectionGuardPolicy>;
  /** Shared by every session; its hello carries the limits enforced here. */
  readonly context: SessionContext;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long close() waits for peers to finish the closing handshake before cutting them off. */
  readonly closeGraceS?: number;
}

export interface AgentServer {
  readonly host: string;
  readonly port: number;
  /** ws://host:port/ or wss://host:port/ */
  readonly url: string;
  /** Tell every controller the agent is going away, end all sessions, stop listening. */
  close(): Promise<void>;
}

export async function startAgentServer(options: AgentServerOptions): Promise<AgentServer> {
  const { context, clock, logger } = options;
  assertTokenPolicy(options.token, options.host);
  if (options.token === "") logger.warn({ host: options.host }, "authentication is off: no token, listening on loopback only");
  const admit = createUpgradeGate({ token: options.token, tls: options.tls, authRateLimit: options.authRateLimit, clock, logger });
  const guard = new ConnectionGuard(clock, options.connectionGuard ?? {}, (refusal) => logger.debug(refusal, "connection dropped by the flood guard"));
  const sessions = new Map<AgentSession, Promise<void>>();
  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: context.hello.maxMessageBytes * HARD_FRAME_LIMIT_FACTOR,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(WIRE_SUBPROTOCOL) ? WIRE_SUBPROTOCOL : false),
  });
  let sessionCount = 0;

  const onConnection = (socket: WebSocket, request: IncomingMessage, clientCertificate: string | undefined): void => {
    const sessionId = `s${++sessionCount}`;
    const peer = `${request.socket.remoteAddress ?? "?"}:${request.socket.remotePort ?? "?"}`;
    const sessionLogger = logger.child({ sessionId, peer, ...(clientCertificate === undefined ? {} : { clientCertificate }) });
    const session = new AgentSession(sessionId, { send: (bytes) => socket.send(bytes), close: (code, reason) => socket.close(code, reason) }, context, sessionLogger);
    const stopped = new AbortController();
    const heartbeat = startHeartbeat(socket, {
      intervalS: context.hello.heartbeatIntervalS,
      clock,
      signal: stopped.signal,
      onDead: () => sessionLogger.warn({ heartbeatIntervalS: context.hello.heartbeatIntervalS }, "peer stopped answering pings; terminating"),
    });
    let settled!: () => void;
    sessions.set(session, new Promise<void>((resolve) => (settled = resolve)));
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      heartbeat.markAlive();
      session.receive(data, isBinary);
    });
    socket.on("error", (error) => sessionLogger.warn({ err: error }, "connection error"));
    socket.on("close", (code: number) => {
      stopped.abort();
      sessionLogger.info({ closeCode: code }, "connection closed");
      void session.closed().finally(() => {
        sessions.delete(session);
        settled();
      });
    });
    sessionLogger.info("controller connected");
    session.open();
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on("error", (error) => logger.debug({ err: error }, "upgrade socket error"));
    const decision = admit(request);
    if (!decision.allow) {
      refuseUpgrade(socket, decision.status, decision.reason, decision.header);
      return;
    }
    guard.upgraded(request.socket);
    webSockets.handleUpgrade(request, socket, head, (webSocket) => onConnection(webSocket, request, decision.clientCertificate));
  };

  const server: Server = await createAgentHttpServer(options.tls, (_request, response) => {
    response.writeHead(426, { "Content-Type": "text/plain", Upgrade: "websocket" }).end("testbench agent: connect with a WebSocket client\n");
  });
  server.on("connection", (socket: Socket) => guard.admit(socket));
  // TLS handshakes that fail (no or untrusted client certificate) end here, not in a crash.
  server.on("tlsClientError", (error: Error, socket: Socket) => {
    logger.warn({ peer: socket.remoteAddress, problem: error.message }, "TLS handshake refused");
  });
  server.on("upgrade", onUpgrade);
  await listen(server, options.host, options.port);
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(":") ? `[${options.host}]` : options.host;
  const scheme = options.tls === undefined ? "ws" : "wss";
  logger.info({ host: options.host, port, tls: options.tls !== undefined, clientCertificates: options.tls?.requireClientCert ?? false }, "agent listening");

  return {
    host: options.host,
    port,
    url: `${scheme}://${hostForUrl}:${port}/`,
    close: async () => {
      server.off("upgrade", onUpgrade);
      guard.close();
      for (const session of sessions.keys()) session.shutdown();
      const ended = Promise.all(sessions.values());
      const grace = new AbortController();
      await Promise.race([ended, clock.sleep(options.closeGraceS ?? 1, grace.signal).catch(() => undefined)]);
      grace.abort();
      for (const client of webSockets.clients) client.terminate();
      await ended;
      await stopHttpServer(server);
      webSockets.close();
    },
  };
}
