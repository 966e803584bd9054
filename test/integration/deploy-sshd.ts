/**
 * A throwaway OpenSSH server on 127.0.0.1 for the deploy tests: its own host key and user keys
 * (ssh-keygen into a temp folder), `sshd -D -f <temp config>` on a free port, logins by key as
 * the current user. `startSshd` says what is missing when sshd cannot run here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, connect, type AddressInfo } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { execa } from "execa";

export const SSHD = "/usr/sbin/sshd";

export interface Sshd {
  readonly dir: string;
  readonly port: number;
  readonly user: string;
  /** known_hosts line for [127.0.0.1]:port, and a file holding it. */
  readonly knownHostsLine: string;
  readonly knownHostsFile: string;
  /** A known_hosts file naming another key for the same address (a "reinstalled" or spoofed host). */
  readonly wrongKnownHostsFile: string;
  readonly userKeyFile: string;
  /** A key that is not in authorized_keys. */
  readonly strangerKeyFile: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function keygen(file: string): Promise<string> {
  await execa("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "testbench-deploy-test", "-f", file]);
  return (await readFile(`${file}.pub`, "utf8")).trim();
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Start sshd, or return why it cannot run (to skip with that message). */
export async function startSshd(): Promise<Sshd | { missing: string }> {
  if (!existsSync(SSHD)) return { missing: `${SSHD} is not installed (Debian package openssh-server)` };
  const keygenFound = await execa("ssh-keygen", ["-?"], { reject: false }).catch(() => undefined);
  if (keygenFound === undefined) return { missing: "ssh-keygen is not installed (Debian package openssh-client)" };
  const dir = await mkdtemp(join(tmpdir(), "tb-sshd-"));
  const user = userInfo().username;
  const port = await freePort();
  const hostKey = await keygen(join(dir, "host_key"));
  const otherHostKey = await keygen(join(dir, "other_host_key"));
  const userKey = await keygen(join(dir, "user_key"));
  await keygen(join(dir, "stranger_key"));
  await writeFile(join(dir, "authorized_keys"), `${userKey}\n`, { mode: 0o600 });
  const keyPart = (line: string): string => line.split(" ").slice(0, 2).join(" ");
  const knownHostsLine = `[127.0.0.1]:${port} ${keyPart(hostKey)}`;
  await writeFile(join(dir, "known_hosts"), `# test\n${knownHostsLine}\n`);
  await writeFile(join(dir, "wrong_known_hosts"), `[127.0.0.1]:${port} ${keyPart(otherHostKey)}\n`);
  const config = [
    "ListenAddress 127.0.0.1",
    `Port ${port}`,
    `HostKey ${join(dir, "host_key")}`,
    `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
    `PidFile ${join(dir, "sshd.pid")}`,
    "StrictModes no",
    "UsePAM no",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "PermitRootLogin prohibit-password",
    `AllowUsers ${user}`,
    "MaxStartups 50:30:100",
    "MaxSessions 50",
    "LogLevel VERBOSE",
  ].join("\n");
  await writeFile(join(dir, "sshd_config"), `${config}\n`);
  // sshd running as root wants its privilege-separation directory.
  let createdRunDir = false;
  if (process.getuid?.() === 0 && !existsSync("/run/sshd")) {
    await mkdir("/run/sshd", { recursive: true });
    await chmod("/run/sshd", 0o755);
    createdRunDir = true;
  }
  let log = "";
  const child: ChildProcess = spawn(SSHD, ["-D", "-e", "-f", join(dir, "sshd_config")], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const cleanup = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    if (createdRunDir) await rm("/run/sshd", { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) {
      await cleanup();
      return { missing: `sshd did not start: ${log.trim().split("\n").slice(-3).join(" | ")}` };
    }
    if (await accepting(port)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    dir,
    port,
    user,
    knownHostsLine,
    knownHostsFile: join(dir, "known_hosts"),
    wrongKnownHostsFile: join(dir, "wrong_known_hosts"),
    userKeyFile: join(dir, "user_key"),
    strangerKeyFile: join(dir, "stranger_key"),
    stop: cleanup,
  };
}
