import { Command, Option } from "commander";
import { parseInteger, parseNumber } from "./numbers.js";

export interface DeviceFlagValues {
  readonly device?: string;
  readonly mrr?: number;
  readonly spread?: number;
  readonly noise?: number;
  readonly seed?: number;
}

export const deviceKinds = ["hard", "stretch", "erf", "bursty"] as const;

export function addDeviceFlags(command: Command): Command {
  return command
    .addOption(new Option("--device <kind>", `simulated device under test: ${deviceKinds.join(", ")}`))
    .addOption(new Option("--mrr <pps>", "the device's maximum receive rate per direction (default 1e7)").argParser(parseNumber))
    .addOption(new Option("--spread <pps>", "stretch/erf: width of the loss onset (default 1e5)").argParser(parseNumber))
    .addOption(new Option("--noise <ratio>", "hard/bursty: relative noise of the forwarding rate (default 0.001)").argParser(parseNumber))
    .addOption(new Option("--seed <n>", "random seed (default 1)").argParser(parseInteger));
}
