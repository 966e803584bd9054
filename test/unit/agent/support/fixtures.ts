/** Paths of the shared iperf3 and power fixtures (../shared/fixtures), and reading them. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sharedDir } from "../../../helpers/paths.js";

export const iperfFixtureDir = path.join(sharedDir, "fixtures/iperf3");
export const powerFixtureDir = path.join(sharedDir, "fixtures/power");
/** The constructed sysfs tree: use it as a meter's sysfsRoot. */
export const fixtureSysfsRoot = path.join(powerFixtureDir, "constructed/sysfs");

export function iperfFixture(name: string): string {
  return readFileSync(path.join(iperfFixtureDir, name), "utf8");
}

export function powerFixture(name: string): string {
  return readFileSync(path.join(powerFixtureDir, name), "utf8");
}
