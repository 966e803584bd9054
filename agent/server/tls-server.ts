/**
 * The HTTP(S) server under the agent's WebSocket server: plain HTTP, or TLS with the agent's
 * certificate and, when configured, verification of controllers' client certificates.
 */
import { readFile } from "node:fs/promises";
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { TLSSocket } from "node:tls";
import { TestbenchError } from "../../common/errors.js";
import type { TlsConfig } from "../config/tls-config.js";

async function readPem(file: string, role: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new TestbenchError("AGENT_TLS_UNREADABLE", `Cannot read the TLS ${role} ${file}: ${(error as Error).message}; check tls in agent.yaml`, {
      context: { file, role },
      cause: error,
    });
  }
}

/** A plain or TLS server; TLS files are read now, so a bad file fails the start, not the first controller. */
export async function createAgentHttpServer(tls: TlsConfig | undefined, onRequest: RequestListener): Promise<Server> {
  if (tls === undefined) return createHttpServer(onRequest);
  const [cert, key, ca] = await Promise.all([
    readPem(tls.certFile, "certificate (certFile)"),
    readPem(tls.keyFile, "private key (keyFile)"),
    tls.clientCaFile === undefined ? undefined : readPem(tls.clientCaFile, "client CA (clientCaFile)"),
  ]);
  try {
    return createHttpsServer(
      {
        cert,
        key,
        ...(ca === undefined ? {} : { ca }),
        requestCert: ca !== undefined,
        rejectUnauthorized: tls.requireClientCert,
        minVersion: "TLSv1.2",
      },
      onRequest,
    ) as unknown as Server;
  } catch (error) {
    throw new TestbenchError("AGENT_TLS_INVALID", `The TLS certificate ${tls.certFile} and key cannot be used: ${(error as Error).message}`, {
      context: { file: tls.certFile },
      cause: error,
    });
  }
}

export type ClientCertificateCheck = { readonly ok: true; readonly subject: string | undefined } | { readonly ok: false; readonly reason: string };

/**
 * Check the client certificate of an upgrade request. Without a client CA nothing is checked.
 * With one: a presented certificate must chain to it; a missing one is refused when required.
 */
export function checkClientCertificate(tls: TlsConfig | undefined, request: IncomingMessage): ClientCertificateCheck {
  if (tls?.clientCaFile === undefined) return { ok: true, subject: undefined };
  const socket = request.socket as TLSSocket;
  const certificate = typeof socket.getPeerCertificate === "function" ? socket.getPeerCertificate() : undefined;
  const presented = certificate !== undefined && Object.keys(certificate).length > 0;
  if (!presented) return tls.requireClientCert ? { ok: false, reason: "no client certificate" } : { ok: true, subject: undefined };
  if (!socket.authorized) return { ok: false, reason: `client certificate not trusted (${String(socket.authorizationError)})` };
  const subject = certificate.subject?.CN;
  return { ok: true, subject: Array.isArray(subject) ? subject.join(",") : subject };
}
