/**
 * Where the lbsim worker script is. Compiled, the pool and the worker are siblings in
 * dist/controller/lbsim-workers/. From TypeScript sources (vitest) this module is
 * controller/lbsim-workers/worker-url.ts and Node 20 cannot start a worker from a .ts file, so
 * the compiled worker in dist/ is used: build first (npm run build; npm test does).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TestbenchError } from "../../common/errors.js";
import { LBSIM_ERROR_CODES } from "../lbsim/errors.js";

/** The worker script for a module at `moduleUrl` (this module's own URL by default). */
export function workerScriptUrl(moduleUrl: string = import.meta.url): URL {
  const url = new URL(moduleUrl);
  if (url.pathname.endsWith(".ts")) return new URL("../../dist/controller/lbsim-workers/worker.js", url);
  return new URL("./worker.js", url);
}

/** The URL, once a file: URL is known to exist; LBSIM_WORKER_SCRIPT_MISSING otherwise. */
export function checkWorkerScript(url: URL): URL {
  if (url.protocol !== "file:") return url;
  const path = fileURLToPath(url);
  if (existsSync(path)) return url;
  throw new TestbenchError(
    LBSIM_ERROR_CODES.workerScriptMissing,
    `lbsim worker script ${path} does not exist. Build the project first (npm run build; npm test does it): ` +
      `run from TypeScript sources, the campaign runner starts the compiled worker in dist/.`,
    { context: { path } },
  );
}
