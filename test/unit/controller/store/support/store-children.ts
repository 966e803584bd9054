/**
 * Second processes that run the store's own code, for the integration tests: the store (and what
 * it imports) compiled with the TypeScript API into a temporary folder that resolves node_modules
 * from the repository, and children started as `node --input-type=module -e SCRIPT STORE_FILE`
 * with STORE_MODULE set to the compiled controller/store/index.js.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");

export interface CompiledStore {
  /** file: URL of the compiled controller/store/index.js. */
  readonly moduleUrl: string;
  /** A scratch folder for store files, removed with the build. */
  readonly workDir: string;
  remove(): void;
}

export function compileStore(): CompiledStore {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "testbench-store-build-"));
  const workDir = mkdtempSync(path.join(os.tmpdir(), "testbench-store-processes-"));
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`cannot read ${path.join(repoRoot, "tsconfig.json")}`);
  const options: ts.CompilerOptions = { ...parsed.options, outDir, rootDir: repoRoot, noEmit: false, incremental: false, sourceMap: false, declaration: false };
  delete options.tsBuildInfoFile;
  const emitted = ts.createProgram([path.join(repoRoot, "controller/store/index.ts")], options).emit();
  if (emitted.emitSkipped) {
    throw new Error(ts.formatDiagnostics(emitted.diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => repoRoot, getNewLine: () => "\n" }));
  }
  writeFileSync(path.join(outDir, "package.json"), '{ "type": "module" }\n');
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(outDir, "node_modules"), "dir");
  return {
    moduleUrl: pathToFileURL(path.join(outDir, "controller/store/index.js")).href,
    workDir,
    remove: () => {
      for (const dir of [outDir, workDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface StoreChild {
  readonly process: ChildProcess;
  /** Complete stdout lines so far. */
  readonly lines: string[];
  /** Resolves once the child exited and its output is all read. */
  readonly closed: Promise<void>;
  /** The first stdout line that passes `test`; rejects when the child exits first or after `timeoutMs`. */
  waitForLine(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
}

export function startStoreChild(store: CompiledStore, script: string, storeFile: string): StoreChild {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, storeFile], {
    env: { ...process.env, STORE_MODULE: store.moduleUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let stderr = "";
  let partial = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const waitForLine = (test: (line: string) => boolean, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        outcome();
      };
      const check = () => {
        const line = lines.find(test);
        if (line !== undefined) finish(() => resolve(line));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no matching line from the child within ${timeoutMs} ms; stderr: ${stderr}`))), timeoutMs);
      listeners.add(check);
      void closed.then(() => {
        if (listeners.has(check)) finish(() => reject(new Error(`the child exited first (${child.exitCode ?? child.signalCode}); stderr: ${stderr}`)));
      });
      check();
    });
  return { process: child, lines, closed, waitForLine };
}
