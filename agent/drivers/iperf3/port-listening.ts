/**
 * Whether some socket listens on a TCP port, from /proc/net/tcp and tcp6 (Linux). Used to see that an
 * iperf3 server in a JSON mode is ready: those modes print nothing until a test ends.
 */
import { readFile } from "node:fs/promises";

const LISTEN_STATE = "0A";

async function listensIn(path: string, port: number): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return false;
  }
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  return text
    .split("\n")
    .slice(1)
    .some((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[1]?.endsWith(`:${portHex}`) === true && fields[3] === LISTEN_STATE;
    });
}

export async function isTcpPortListening(port: number, procRoot = "/proc"): Promise<boolean> {
  return (await listensIn(`${procRoot}/net/tcp`, port)) || (await listensIn(`${procRoot}/net/tcp6`, port));
}
