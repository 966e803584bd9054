import { mkdirSync } from "node:fs";
import path from "node:path";
import { Option } from "commander";
import { openStore, type Store, type StoreMode } from "../store/index.js";

/** The results store: --store, else TESTBENCH_STORE, else .testbench/store.sqlite in the current folder. */
export const defaultStorePath = (): string => process.env["TESTBENCH_STORE"] ?? path.join(".testbench", "store.sqlite");

export const storeOption = (): Option => new Option("--store <file>", "the SQLite results store (default: $TESTBENCH_STORE or .testbench/store.sqlite)");

export function openCliStore(file: string | undefined, mode: StoreMode, owner: string): Store {
  const storePath = path.resolve(file ?? defaultStorePath());
  if (mode === "run") mkdirSync(path.dirname(storePath), { recursive: true });
  return openStore(storePath, { mode, owner });
}
