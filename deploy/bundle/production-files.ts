/**
 * What goes into an agent bundle: the build output (dist/, without tests and build caches),
 * package.json, and the production dependencies (`npm ls --omit=dev --all --parseable`).
 */
import { readdir } from "node:fs/promises";
import { relative, sep } from "node:path";
import { execa } from "execa";
import { DeployErrorCode, deployUsageError } from "../errors.js";

/** Entries of dist/ that are not part of the agent (compiled tests, incremental build state). */
const DIST_EXCLUDED = new Set(["test"]);

async function distEntries(root: string): Promise<string[]> {
  const entries = await readdir(`${root}/dist`, { withFileTypes: true }).catch((error: unknown) => {
    throw deployUsageError(DeployErrorCode.bundleFailed, `No build output in ${root}/dist: run \`npm run build\` first`, { root }, error);
  });
  const names = entries.filter((entry) => !DIST_EXCLUDED.has(entry.name) && !entry.name.startsWith(".tsbuildinfo")).map((entry) => `dist/${entry.name}`);
  if (!names.includes("dist/bin")) throw deployUsageError(DeployErrorCode.bundleFailed, `${root}/dist has no bin/: run \`npm run build\` first`, { root });
  return names.sort();
}

/** Top-level folders of the production dependency tree (nested ones come with their parent). */
async function productionModules(root: string, signal?: AbortSignal): Promise<string[]> {
  const listed = await execa("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, reject: false, ...(signal ? { cancelSignal: signal } : {}) });
  const paths = listed.stdout
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => relative(root, line))
    .filter((path) => path.startsWith(`node_modules${sep}`))
    .sort();
  if (paths.length === 0 && listed.exitCode !== 0) {
    throw deployUsageError(DeployErrorCode.bundleFailed, `\`npm ls --omit=dev\` failed in ${root}: ${listed.stderr.trim().split("\n").at(-1) ?? ""}; run \`npm ci\``, { root });
  }
  const kept: string[] = [];
  for (const path of paths) if (!kept.some((parent) => path.startsWith(`${parent}${sep}`))) kept.push(path);
  return kept;
}

/** Paths relative to `root`, in a stable order. */
export async function bundleEntries(root: string, signal?: AbortSignal): Promise<string[]> {
  return [...(await distEntries(root)), "package.json", ...(await productionModules(root, signal))];
}
