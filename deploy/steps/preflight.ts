/** Checks before anything is written: sudo rights, node on the host, a matching platform, free disk. */
import { DeployError, DeployErrorCode } from "../errors.js";
import type { RemoteOps } from "../remote/remote-ops.js";
import type { HostState } from "./probe.js";

export const MIN_NODE_MAJOR = 20;
/** Room kept free beyond what the bundle needs. */
export const DISK_MARGIN_BYTES = 16 * 1024 * 1024;

/** `sudo -n true`: fails fast (no password prompt) when the SSH user lacks password-less sudo. */
export async function checkSudo(ops: RemoteOps): Promise<void> {
  const result = await ops.shell.exec("sudo -n true", { timeoutS: 30 });
  if (result.exitCode === 0) return;
  const detail = result.stderr.trim().split("\n").at(-1) || `exit ${String(result.exitCode)}`;
  const missing = result.exitCode === 127 || /not found/.test(result.stderr);
  throw new DeployError(
    DeployErrorCode.sudoDenied,
    missing
      ? `sudo is not installed on ${ops.host}, but the inventory sets sudo: true; install it or set sudo: false with an installDir the SSH user owns`
      : `The SSH user cannot use sudo without a password on ${ops.host} (${detail}); grant NOPASSWD rights or set sudo: false`,
    { context: { host: ops.host, step: "sudo" } },
  );
}

export function checkNode(host: string, state: HostState, node: string, bundlePlatform: string): string {
  const context = { host, step: "preflight" };
  if (state.nodePath === undefined || state.nodeVersion === undefined) {
    throw new DeployError(DeployErrorCode.nodeMissing, `No working \`${node}\` on ${host} (as ${state.user}); install Node.js >= ${MIN_NODE_MAJOR} or set node: to its path in the inventory`, { context });
  }
  const major = Number(state.nodeVersion.split(".")[0]);
  if (!(major >= MIN_NODE_MAJOR)) {
    throw new DeployError(DeployErrorCode.nodeMissing, `Node.js ${state.nodeVersion} at ${state.nodePath} on ${host} is too old; the agent needs >= ${MIN_NODE_MAJOR}`, {
      context: { ...context, nodeVersion: state.nodeVersion },
    });
  }
  if (state.platform !== bundlePlatform) {
    throw new DeployError(
      DeployErrorCode.platformMismatch,
      `${host} runs ${state.platform ?? "an unknown platform"} but the bundle was built on ${bundlePlatform} (native modules differ); build on a machine like the host or use the same Node.js major`,
      { context: { ...context, hostPlatform: state.platform ?? null, bundlePlatform } },
    );
  }
  return state.nodePath;
}

export function checkDisk(host: string, state: HostState, neededBytes: number): void {
  if (neededBytes === 0) return;
  const needed = neededBytes + DISK_MARGIN_BYTES;
  if (state.diskFreeBytes >= needed) return;
  const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  throw new DeployError(
    DeployErrorCode.diskFull,
    `Not enough disk on ${host} at ${state.diskPath}: the release needs ${mib(needed)}, ${mib(state.diskFreeBytes)} free; free space or choose another installDir`,
    { context: { host, step: "preflight", path: state.diskPath, neededBytes: needed, freeBytes: state.diskFreeBytes } },
  );
}
