/** One host of the inventory with every setting resolved: what the deploy steps work from. */
import type { HostKey } from "../ssh/host-keys.js";

export type ServiceKind = "auto" | "systemd" | "runner";

export interface HostSsh {
  readonly address: string;
  readonly port: number;
  readonly user: string;
  /** Absolute local path of the private key; undefined: the SSH agent (SSH_AUTH_SOCK). */
  readonly keyFile: string | undefined;
  readonly hostKeys: readonly HostKey[];
  readonly strictHostKeyChecking: boolean;
  readonly connectTimeoutS: number;
}

export interface HostTarget {
  /** The inventory name; also the default agentId. */
  readonly name: string;
  readonly groups: readonly string[];
  readonly ssh: HostSsh;
  /** Absolute directory on the host holding bundles/, releases/, current, bin/, run/, logs/. */
  readonly installDir: string;
  /** Run remote commands through `sudo -n` (root); the service then runs as serviceUser. */
  readonly sudo: boolean;
  readonly serviceUser: string;
  readonly service: ServiceKind;
  /** systemd unit name (without .service). */
  readonly serviceName: string;
  /** The node command on the host (a name on PATH or an absolute path). */
  readonly node: string;
  /** The shared secret written as agent.token (0600). Never logged. */
  readonly token: string;
  /** agent.yaml as written to the host (tokenFile: agent.token). */
  readonly agentYaml: string;
  readonly agentId: string;
  /** Where the agent listens on the host; deploy verifies it through an SSH tunnel to it. */
  readonly listenHost: string;
  readonly listenPort: number;
  readonly verifyTimeoutS: number;
  readonly keepReleases: number;
}

export const HOST_DEFAULTS = Object.freeze({
  sshPort: 22,
  strictHostKeyChecking: true,
  connectTimeoutS: 10,
  sudo: false,
  service: "auto" as ServiceKind,
  serviceName: "testbench-agent",
  node: "node",
  verifyTimeoutS: 30,
  keepReleases: 3,
});
