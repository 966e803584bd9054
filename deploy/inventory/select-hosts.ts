/** `--hosts a,b`: host or group names; an unknown name is a usage error that lists the known ones. */
import { DeployErrorCode, deployUsageError } from "../errors.js";
import type { HostTarget } from "./host-target.js";

export function selectHosts(hosts: readonly HostTarget[], names: readonly string[] | undefined): readonly HostTarget[] {
  if (names === undefined || names.length === 0) return hosts;
  const wanted = new Set(names);
  const known = new Set([...hosts.map((host) => host.name), ...hosts.flatMap((host) => host.groups)]);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw deployUsageError(
      DeployErrorCode.hostsUnknown,
      `--hosts names ${unknown.map((name) => JSON.stringify(name)).join(", ")}, which the inventory does not define; hosts: ${hosts.map((host) => host.name).join(", ")}` +
        (known.size > hosts.length ? `; groups: ${[...new Set(hosts.flatMap((host) => host.groups))].join(", ")}` : ""),
      { hosts: names.join(",") },
    );
  }
  return hosts.filter((host) => wanted.has(host.name) || host.groups.some((group) => wanted.has(group)));
}
