/**
 * Fake executables for failure modes (execa's own tests do the same): tiny /bin/sh scripts in a
 * temporary folder, to put first on PATH or to name as a binary.
 */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export interface FakeBin {
  readonly dir: string;
  /** Write `name` as an executable script with this body (after #!/bin/sh); returns its path. */
  add(name: string, body: string): Promise<string>;
  /** PATH with this folder first. */
  readonly path: string;
  remove(): Promise<void>;
}

export async function createFakeBin(): Promise<FakeBin> {
  const dir = await mkdtemp(path.join(tmpdir(), "testbench-fake-bin-"));
  return {
    dir,
    path: `${dir}${path.delimiter}${process.env["PATH"] ?? ""}`,
    async add(name, body) {
      const file = path.join(dir, name);
      await writeFile(file, `#!/bin/sh\n${body}\n`);
      await chmod(file, 0o755);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A shell-quoted literal for a fake script's body. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}
