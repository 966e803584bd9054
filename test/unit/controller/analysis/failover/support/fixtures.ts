/** Reads files of ../shared/fixtures for the parser tests. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sharedDir } from "../../../../../helpers/paths.js";

export const iperfFixtureDir = path.join(sharedDir, "fixtures/iperf3");
export const powerFixtureDir = path.join(sharedDir, "fixtures/power");

export function iperfFixture(name: string): string {
  return readFileSync(path.join(iperfFixtureDir, name), "utf8");
}

export function powerFixture(name: string): string {
  return readFileSync(path.join(powerFixtureDir, name), "utf8");
}
