/**
 * deploy/: roll agents out over SSH (docs/deploy.md). The entry points the CLI uses: deploy an
 * inventory (building the bundle when none is given), or act on its services (status, stop, logs).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../common/clock.js";
import type { Logger } from "../common/logger.js";
import { buildBundle, type Bundle } from "./bundle/build-bundle.js";
import type { Inventory } from "./inventory/load-inventory.js";
import { selectHosts } from "./inventory/select-hosts.js";
import { deployHost } from "./run/deploy-host.js";
import { forEachHost } from "./run/for-each-host.js";
import type { HostResult } from "./run/host-result.js";
import { serviceHost, type ServiceAction } from "./run/service-host.js";

export { loadInventory, parseInventory, InventoryError, type Inventory } from "./inventory/load-inventory.js";
export { buildBundle, type Bundle } from "./bundle/build-bundle.js";
export { formatResultTable, summarize } from "./run/result-table.js";
export { isFailure, type HostResult, type HostOutcome } from "./run/host-result.js";
export type { ServiceAction } from "./run/service-host.js";

export interface InventoryRunOptions {
  readonly inventory: Inventory;
  /** Host or group names (--hosts); all hosts when absent. */
  readonly hosts?: readonly string[] | undefined;
  /** Hosts worked on at once. */
  readonly parallel?: number;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
}

export interface DeployOptions extends InventoryRunOptions {
  readonly dryRun: boolean;
  /** A bundle built before (tests, repeated runs); otherwise one is built from `root`. */
  readonly bundle?: Bundle;
  /** The testbench checkout whose build is deployed (package.json, dist/, node_modules/). */
  readonly root: string;
}

export const DEFAULT_PARALLEL_HOSTS = 8;

export async function deployInventory(options: DeployOptions): Promise<{ bundle: Bundle; results: HostResult[] }> {
  const hosts = selectHosts(options.inventory.hosts, options.hosts);
  let folder: string | undefined;
  try {
    let bundle = options.bundle;
    if (bundle === undefined) {
      folder = await mkdtemp(join(tmpdir(), "testbench-bundle-"));
      bundle = await buildBundle({ root: options.root, outDir: folder, ...(options.signal ? { signal: options.signal } : {}) });
      options.logger.info({ sha256: bundle.sha256, sizeBytes: bundle.sizeBytes, version: bundle.version }, "bundle built");
    }
    const run = { bundle, clock: options.clock, logger: options.logger, dryRun: options.dryRun, ...(options.signal ? { signal: options.signal } : {}) };
    const results = await forEachHost(hosts, options.parallel ?? DEFAULT_PARALLEL_HOSTS, (host) => deployHost(host, run));
    return { bundle, results };
  } finally {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  }
}

export async function serviceInventory(options: InventoryRunOptions & { action: ServiceAction }): Promise<HostResult[]> {
  const hosts = selectHosts(options.inventory.hosts, options.hosts);
  const run = { clock: options.clock, logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) };
  return forEachHost(hosts, options.parallel ?? DEFAULT_PARALLEL_HOSTS, (host) => serviceHost(host, options.action, run));
}
