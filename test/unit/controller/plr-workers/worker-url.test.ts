import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTestbenchError } from "../../../../common/errors.js";
import { createWorkerPoolIntegrator } from "../../../../controller/plr-workers/pool.js";
import { checkWorkerScript, workerScriptUrl } from "../../../../controller/plr-workers/worker-url.js";
import { repoRoot } from "../../../helpers/paths.js";

describe("worker script location", () => {
  it("is the sibling worker.js when running compiled", () => {
    expect(workerScriptUrl("file:///opt/tb/dist/controller/plr-workers/worker-url.js").href).toBe("file:///opt/tb/dist/controller/plr-workers/worker.js");
  });

  it("is the compiled worker in dist/ when running from TypeScript sources", () => {
    expect(workerScriptUrl("file:///opt/tb/controller/plr-workers/worker-url.ts").href).toBe("file:///opt/tb/dist/controller/plr-workers/worker.js");
  });

  it("resolves, from these sources, to the built worker (build first: npx tsc -p tsconfig.build.json)", () => {
    const url = workerScriptUrl();
    expect(fileURLToPath(url)).toBe(path.join(repoRoot, "dist/controller/plr-workers/worker.js"));
    expect(existsSync(url)).toBe(true);
    expect(checkWorkerScript(url)).toBe(url);
  });

  it("names a missing script, says how to build it, and starts no worker", () => {
    const missing = new URL("file:///nonexistent/dist/controller/plr-workers/worker.js");
    for (const attempt of [() => checkWorkerScript(missing), () => createWorkerPoolIntegrator({ workerUrl: missing })]) {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        expect(isTestbenchError(error) && error.code).toBe("PLR_WORKER_SCRIPT_MISSING");
        expect((error as Error).message).toContain("/nonexistent/dist/controller/plr-workers/worker.js does not exist");
        expect((error as Error).message).toContain("npm run build");
      }
    }
  });

  it("leaves non-file URLs to the Worker constructor", () => {
    const url = new URL("data:text/javascript,0");
    expect(checkWorkerScript(url)).toBe(url);
  });
});
