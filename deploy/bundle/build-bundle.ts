/**
 * The agent bundle: one deterministic .tar.gz of the build (docs/deploy.md, "Bundle"). Entries
 * are sorted, owned by 0:0 and dated 1970, and gzip writes no timestamp, so the same build gives
 * the same bytes and the same SHA-256, which is how a second deploy knows nothing changed.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rename, stat } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { execa } from "execa";
import { DeployErrorCode, deployUsageError, detailOf } from "../errors.js";
import { bundleEntries } from "./production-files.js";

export interface Bundle {
  /** The local .tar.gz. */
  readonly file: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  /** Bytes of the tar stream (about what it takes unpacked). */
  readonly unpackedBytes: number;
  /** package.json version: what the agent announces in AgentHello.software_version. */
  readonly version: string;
  /** Where its native modules run: platform-arch-abi<node module ABI>. */
  readonly platform: string;
}

export function localPlatform(): string {
  return `${process.platform}-${process.arch}-abi${process.versions.modules}`;
}

const TAR_OPTIONS = ["--create", "--format=gnu", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "--mode=u+rwX,go+rX,go-w", "--file=-"];

export async function buildBundle(options: { root: string; outDir: string; signal?: AbortSignal }): Promise<Bundle> {
  const { root, outDir, signal } = options;
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version?: unknown };
  if (typeof manifest.version !== "string") throw deployUsageError(DeployErrorCode.bundleFailed, `${root}/package.json has no version`, { root });
  const entries = await bundleEntries(root, signal);
  const partial = join(outDir, "bundle.tar.gz.partial");
  const hash = createHash("sha256");
  let unpackedBytes = 0;
  const tar = execa("tar", [...TAR_OPTIONS, "--", ...entries], { cwd: root, buffer: { stdout: false }, ...(signal ? { cancelSignal: signal } : {}) });
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      unpackedBytes += chunk.length;
      done(null, chunk);
    },
  });
  const digest = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await Promise.all([pipeline(tar.stdout, count, createGzip({ level: 6 }), digest, createWriteStream(partial)), tar]);
  } catch (error) {
    throw deployUsageError(DeployErrorCode.bundleFailed, `Cannot pack the agent bundle from ${root}: ${detailOf(error)}`, { root }, error);
  }
  const sha256 = hash.digest("hex");
  const file = join(outDir, `testbench-agent-${manifest.version}-${sha256.slice(0, 12)}.tar.gz`);
  await rename(partial, file);
  return Object.freeze({ file, sha256, sizeBytes: (await stat(file)).size, unpackedBytes, version: manifest.version, platform: localPlatform() });
}
