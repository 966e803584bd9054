/** The testbench package version, for AgentHello / ControllerHello (read once from package.json). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageVersion(start: string): string {
  let folder = start;
  for (;;) {
    try {
      const parsed = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (parsed.name === "testbench" && typeof parsed.version === "string") return parsed.version;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(folder);
    if (parent === folder) return "0.0.0-unknown";
    folder = parent;
  }
}

/** Works from the sources (common/wire) and from the build (dist/common/wire) alike. */
export const SOFTWARE_VERSION: string = findPackageVersion(dirname(fileURLToPath(import.meta.url)));
