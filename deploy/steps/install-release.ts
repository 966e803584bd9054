/**
 * Install a release: unpack the bundle into releases/<name>.partial/app, write agent.yaml and
 * agent.token (0600) and release.json, then rename the folder to releases/<name>. A release
 * folder without `.partial` is therefore always complete. Nothing here touches `current`.
 */
import type { Bundle } from "../bundle/build-bundle.js";
import type { RemoteOps } from "../remote/remote-ops.js";
import { shellQuote } from "../remote/shell-quote.js";
import { bundlePath } from "./upload.js";

export interface ReleaseFiles {
  readonly agentYaml: string;
  readonly token: string;
}

function releaseDir(installDir: string, name: string): string {
  return `${installDir}/releases/${name}`;
}

/** A release name that sorts by time: <version>-<bundle sha 12>-<UTC yyyymmddThhmmssSSSZ>. */
export function releaseName(bundle: Pick<Bundle, "version" | "sha256">, wallMs: number): string {
  const stamp = new Date(wallMs).toISOString().replace(/[-:]/g, "").replace(".", "");
  return `${bundle.version}-${bundle.sha256.slice(0, 12)}-${stamp}`;
}

/** The folders deploy keeps under installDir; releases/ is private (0700) because it holds tokens. */
export async function prepareInstallDir(ops: RemoteOps, installDir: string, serviceUser: string | undefined): Promise<void> {
  const dir = shellQuote(installDir);
  const owner = serviceUser === undefined ? "" : `\nchown ${shellQuote(serviceUser)} ${dir}/releases ${dir}/run ${dir}/logs`;
  await ops.run("prepare installDir", `set -e\nmkdir -p ${dir}/bundles ${dir}/releases ${dir}/bin ${dir}/run ${dir}/logs\nchmod 0700 ${dir}/releases ${dir}/bundles${owner}`);
}

/** Write a file from stdin with a mode, atomically within its folder. */
function writeFileScript(path: string, mode: string): string {
  const file = shellQuote(path);
  return `set -e\numask 077\ncat > ${file}.tmp\nchmod ${mode} ${file}.tmp\nmv -f ${file}.tmp ${file}`;
}

export async function installRelease(ops: RemoteOps, installDir: string, bundle: Bundle, name: string, files: ReleaseFiles, serviceUser: string | undefined): Promise<void> {
  const partial = `${releaseDir(installDir, name)}.partial`;
  const quoted = shellQuote(partial);
  await ops.run("unpack the bundle", `set -e\nrm -rf ${quoted}\nmkdir -p ${quoted}/app\ntar -xzf ${shellQuote(bundlePath(installDir, bundle))} -C ${quoted}/app --no-same-owner`, { timeoutS: 300 });
  await ops.run("write agent.yaml", writeFileScript(`${partial}/agent.yaml`, "0600"), { stdin: files.agentYaml });
  await ops.run("write agent.token", writeFileScript(`${partial}/agent.token`, "0600"), { stdin: `${files.token}\n` });
  const release = JSON.stringify({ version: bundle.version, bundleSha256: bundle.sha256, platform: bundle.platform });
  await ops.run("write release.json", writeFileScript(`${partial}/release.json`, "0644"), { stdin: `${release}\n` });
  const chown = serviceUser === undefined ? "" : `chown -R ${shellQuote(serviceUser)} ${quoted}\n`;
  await ops.run("complete the release", `set -e\n${chown}mv -T ${quoted} ${shellQuote(releaseDir(installDir, name))}`);
}

/** Remove a release folder (a failed one, or its .partial leftovers). */
export async function removeRelease(ops: RemoteOps, installDir: string, name: string): Promise<void> {
  const dir = shellQuote(releaseDir(installDir, name));
  await ops.run("remove the failed release", `rm -rf ${dir} ${dir}.partial`);
}
