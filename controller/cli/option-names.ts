import { TestbenchError, isTestbenchError } from "../../common/errors.js";

/**
 * A search library names its options by their config keys (maxLoadPps); on the command line
 * the user typed flags (--max-load). Re-raise a user error in the user's words.
 */
export function inFlagTerms(error: unknown, flagOf: Readonly<Record<string, string>>): unknown {
  if (!isTestbenchError(error) || !error.userError) return error;
  const option = error.context["option"];
  const flag = typeof option === "string" ? flagOf[option] : undefined;
  if (flag === undefined || typeof option !== "string") return error;
  let message = error.message.replace(new RegExp(`\\b[\\w ]*option ${option}\\b`), flag);
  for (const [key, name] of Object.entries(flagOf)) message = message.replace(new RegExp(`\\b${key}\\b`, "g"), name);
  return new TestbenchError(error.code, message, {
    context: { ...error.context, option: flag },
    cause: error,
    userError: true,
  });
}
