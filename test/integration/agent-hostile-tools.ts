/** Tools for the hostile-input suite: a recording TCP proxy, WebSocket frame parsing, raw HTTP upgrades. */
import { connect, createServer, type AddressInfo, type Server } from "node:net";

/** A TCP proxy that records what clients send (to replay it later). */
export async function recordingProxy(targetPort: number): Promise<{ port: number; sent: () => Buffer; close: () => Promise<void> }> {
  const chunks: Buffer[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    client.on("data", (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sent: () => Buffer.concat(chunks),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Split recorded client bytes into the HTTP upgrade request and the WebSocket frames after it. */
export function splitUpgrade(bytes: Buffer): { request: string; frames: Buffer } {
  const end = bytes.indexOf("\r\n\r\n");
  if (end < 0) throw new Error("no HTTP request in the recording");
  return { request: bytes.subarray(0, end + 4).toString("latin1"), frames: bytes.subarray(end + 4) };
}

/** Unmasked payloads of the client frames (opcode and payload), in order. */
export function clientFrames(frames: Buffer): Array<{ opcode: number; payload: Buffer }> {
  const out: Array<{ opcode: number; payload: Buffer }> = [];
  let offset = 0;
  while (offset + 2 <= frames.length) {
    const opcode = frames[offset]! & 0x0f;
    let length = frames[offset + 1]! & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      length = frames.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      length = Number(frames.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const mask = frames.subarray(cursor, cursor + 4);
    cursor += 4;
    const payload = Buffer.from(frames.subarray(cursor, cursor + length));
    for (let index = 0; index < payload.length; index++) payload[index]! ^= mask[index % 4]!;
    out.push({ opcode, payload });
    offset = cursor + length;
  }
  return out;
}

/** Send raw bytes to a port and collect everything until the agent closes (or `waitMs` passes). */
export function rawExchange(port: number, bytes: Buffer | string, waitMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let text = "";
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on("data", (chunk) => (text += chunk.toString("latin1")));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(text);
    });
    socket.on("error", reject);
  });
}
