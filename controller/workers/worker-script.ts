/**
 * Where a worker-thread script is. Compiled, a pool and its worker are siblings in dist/. Run
 * from TypeScript sources (vitest), the pool module is a .ts file and Node 20 cannot start a
 * worker from one, so the compiled worker in dist/ is used: build first (npm test does).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TestbenchError } from "../../common/errors.js";

/** The worker script `worker.js` next to the pool module at `moduleUrl`, in `folder` (e.g. "controller/plr-workers"). */
export function siblingWorkerUrl(moduleUrl: string, folder: string): URL {
  const url = new URL(moduleUrl);
  if (url.pathname.endsWith(".ts")) return new URL(`../../dist/${folder}/worker.js`, url);
  return new URL("./worker.js", url);
}

/** The URL, once a file: URL is known to exist; else a TestbenchError with `code` naming what to build. */
export function existingWorkerUrl(url: URL, code: string, what: string): URL {
  if (url.protocol !== "file:") return url;
  const path = fileURLToPath(url);
  if (existsSync(path)) return url;
  throw new TestbenchError(
    code,
    `${what} worker script ${path} does not exist. Build the project first (npm run build; npm test does it): ` +
      "run from TypeScript sources, the pool starts the compiled worker in dist/.",
    { context: { path } },
  );
}
