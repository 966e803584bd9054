/**
 * Where the integrator worker script is. Compiled, the pool and the worker are siblings in
 * dist/controller/plr-workers/. Run from TypeScript sources (vitest), this module is
 * controller/plr-workers/worker-url.ts and Node 20 cannot start a worker from a .ts file, so the
 * compiled worker in dist/ is used: build first (npx tsc -p tsconfig.build.json; npm test does).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TestbenchError } from "../../common/errors.js";
import { PLR_ERROR_CODES } from "../search/plr/errors.js";

/** The worker script for a module at `moduleUrl` (this module's own URL by default). */
export function workerScriptUrl(moduleUrl: string = import.meta.url): URL {
  const url = new URL(moduleUrl);
  if (url.pathname.endsWith(".ts")) return new URL("../../dist/controller/plr-workers/worker.js", url);
  return new URL("./worker.js", url);
}

/** The URL, once a file: URL is known to exist; PLR_WORKER_SCRIPT_MISSING otherwise. */
export function checkWorkerScript(url: URL): URL {
  if (url.protocol !== "file:") return url;
  const path = fileURLToPath(url);
  if (existsSync(path)) return url;
  throw new TestbenchError(
    PLR_ERROR_CODES.workerScriptMissing,
    `PLRsearch integrator worker script ${path} does not exist. Build the project first (npx tsc -p tsconfig.build.json; ` +
      `npm test and npm run bench:plr do it): from TypeScript sources the pool starts the compiled worker in dist/.`,
    { context: { path } },
  );
}
