/** A local port forward over an ssh2 connection (like `ssh -L 127.0.0.1:<free>:host:port`). */
import { createServer, type AddressInfo, type Socket } from "node:net";
import type { Client } from "ssh2";
import type { LocalForward } from "../remote/remote-shell.js";

export async function openLocalForward(client: Client, remoteHost: string, remotePort: number): Promise<LocalForward> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.pause();
    client.forwardOut("127.0.0.1", socket.remotePort ?? 0, remoteHost, remotePort, (error, channel) => {
      if (error) {
        socket.destroy();
        return;
      }
      channel.on("error", () => socket.destroy());
      channel.on("close", () => socket.destroy());
      socket.once("close", () => channel.close());
      socket.pipe(channel).pipe(socket);
      socket.resume();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    localPort: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
