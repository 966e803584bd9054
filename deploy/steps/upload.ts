/**
 * Upload the bundle to <installDir>/bundles/<sha256>.tar.gz: streamed over the SSH channel into a
 * .partial file, checked with sha256sum on the host, then renamed. A bundle already there is
 * not sent again.
 */
import { createReadStream } from "node:fs";
import type { Bundle } from "../bundle/build-bundle.js";
import { DeployError, DeployErrorCode } from "../errors.js";
import type { RemoteOps } from "../remote/remote-ops.js";
import { shellQuote } from "../remote/shell-quote.js";

/** Slowest upload rate we wait for before giving up, bytes per second (plus a fixed minute). */
const MIN_UPLOAD_RATE_BPS = 256 * 1024;

export function bundlePath(installDir: string, bundle: Pick<Bundle, "sha256">): string {
  return `${installDir}/bundles/${bundle.sha256}.tar.gz`;
}

export async function uploadBundle(ops: RemoteOps, installDir: string, bundle: Bundle): Promise<void> {
  const target = shellQuote(bundlePath(installDir, bundle));
  const timeoutS = 60 + bundle.sizeBytes / MIN_UPLOAD_RATE_BPS;
  await ops.run("upload the bundle", `set -e\nmkdir -p ${shellQuote(`${installDir}/bundles`)}\numask 077\ncat > ${target}.partial`, {
    stdin: createReadStream(bundle.file),
    timeoutS,
  });
  const check = await ops.run("check the uploaded bundle", `sha256sum < ${target}.partial | cut -d' ' -f1`);
  const received = check.stdout.trim();
  if (received !== bundle.sha256) {
    await ops.tryRun("remove a corrupt upload", `rm -f ${target}.partial`);
    throw new DeployError(DeployErrorCode.uploadCorrupt, `The bundle arrived on ${ops.host} with SHA-256 ${received.slice(0, 16)}..., expected ${bundle.sha256.slice(0, 16)}...; try again`, {
      context: { host: ops.host, step: "upload", expected: bundle.sha256, received },
    });
  }
  await ops.run("keep the uploaded bundle", `mv -f ${target}.partial ${target}`);
}
