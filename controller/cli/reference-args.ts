/** Parse a vector file's `reference_args` with the same flag definitions as the CLI. */
import { Command, CommanderError } from "commander";
import { ValidationError } from "../../common/errors.js";
import { addDeviceFlags, type DeviceFlagValues } from "./device-flags.js";
import { addMlrFlags, type MlrFlagValues } from "./search-flags.js";

export type ReferenceArgs = MlrFlagValues & DeviceFlagValues;

export function parseReferenceArgs(args: readonly string[], source: string): ReferenceArgs {
  const command = addMlrFlags(addDeviceFlags(new Command("reference_args")))
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} })
    .allowExcessArguments(false);
  try {
    command.parse([...args], { from: "user" });
  } catch (cause) {
    const message = cause instanceof CommanderError ? cause.message.replace(/^error: /, "") : String(cause);
    throw new ValidationError("VECTOR_FILE_INVALID", `${source}: reference_args: ${message}`, { context: { file: source, key: "reference_args" }, cause });
  }
  return command.opts<ReferenceArgs>();
}
