import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The project's shared/ folder (reference vectors, fixtures): beside the clone, or TESTBENCH_SHARED. */
export const sharedDir = path.resolve(process.env["TESTBENCH_SHARED"] ?? path.resolve(repoRoot, "../shared"));
if (!existsSync(path.join(sharedDir, "reference"))) {
  throw new Error(`the shared/ folder is not at ${sharedDir}: clone the repository beside it, or set TESTBENCH_SHARED to its path`);
}

export const vectorDir = path.join(sharedDir, "reference/mlrsearch");
