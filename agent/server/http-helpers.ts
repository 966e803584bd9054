/** Small promise wrappers around node:http for the agent server. */
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { TestbenchError } from "../../common/errors.js";

export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(
        new TestbenchError("AGENT_LISTEN_FAILED", `The agent cannot listen on ${host}:${port}: ${error.message}; choose another listen.port or stop what holds it`, {
          context: { host, port },
          cause: error,
        }),
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

export function stopHttpServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Answer an upgrade request with an HTTP error and drop the socket; no WebSocket frame is read. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, extraHeader?: string): void {
  const lines = [`HTTP/1.1 ${status} ${reason}`, "Connection: close", "Content-Length: 0"];
  if (extraHeader !== undefined) lines.push(extraHeader);
  socket.once("finish", () => socket.destroy());
  socket.end(`${lines.join("\r\n")}\r\n\r\n`);
}
