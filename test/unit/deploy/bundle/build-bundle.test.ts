import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle, localPlatform, type Bundle } from "../../../../deploy/bundle/build-bundle.js";
import { repoRoot } from "../../../helpers/paths.js";

let folder = "";
let first: Bundle;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "tb-bundle-"));
  first = await buildBundle({ root: repoRoot, outDir: folder });
}, 120_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("buildBundle", () => {
  it("packs dist, package.json and the production dependencies, and nothing for development", async () => {
    const { stdout } = await execa("tar", ["-tzf", first.file]);
    const names = new Set(stdout.split("\n"));
    expect(names.has("dist/bin/testbench.js")).toBe(true);
    expect(names.has("package.json")).toBe(true);
    expect(names.has("node_modules/ws/package.json")).toBe(true);
    expect(names.has("node_modules/ssh2/package.json")).toBe(true);
    expect([...names].some((name) => name.startsWith("node_modules/vitest/"))).toBe(false);
    expect([...names].some((name) => name.startsWith("node_modules/typescript/"))).toBe(false);
    expect([...names].some((name) => name.startsWith("dist/test/"))).toBe(false);
    expect(first.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(first.platform).toBe(localPlatform());
    expect(first.unpackedBytes).toBeGreaterThan(first.sizeBytes);
  });

  it("is deterministic: the same build gives the same bytes and hash", async () => {
    const second = await buildBundle({ root: repoRoot, outDir: await mkdtemp(join(folder, "again-")) });
    expect(second.sha256).toBe(first.sha256);
    expect(second.sizeBytes).toBe(first.sizeBytes);
    expect(first.file).toContain(first.sha256.slice(0, 12));
  }, 120_000);

  it("says to build first when there is no dist/", async () => {
    const empty = await mkdtemp(join(folder, "empty-"));
    await execa("cp", [join(repoRoot, "package.json"), empty]);
    await expect(buildBundle({ root: empty, outDir: folder })).rejects.toMatchObject({ code: "DEPLOY_BUNDLE_FAILED", message: expect.stringContaining("npm run build") });
  });
});
