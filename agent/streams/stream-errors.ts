/** Codes of stream and action requests (docs/wire-protocol.md "Failure codes"). */
import { TestbenchError, quote, type ErrorContext } from "../../common/errors.js";

export const StreamErrorCode = Object.freeze({
  /** A StreamStart with an empty or already used stream_id, or too many streams. */
  streamInvalid: "STREAM_INVALID",
  /** A StreamStop naming a stream this session never started. */
  streamUnknown: "STREAM_UNKNOWN",
  /** An argument of a StreamStart is unknown, missing or out of range; context.argument names it. */
  argumentsInvalid: "STREAM_ARGUMENTS_INVALID",
  /** A power stream names a meter the agent's config does not define. */
  meterUnknown: "METER_UNKNOWN",
  /** An action the agent's config does not define. */
  actionUnknown: "ACTION_UNKNOWN",
  /** An action parameter is unknown, missing or invalid; context.parameter names it. */
  actionParamsInvalid: "ACTION_PARAMS_INVALID",
});

/** A StreamStart argument that is not acceptable. */
export function invalidArgument(source: string, argument: string, problem: string, value?: string, context: ErrorContext = {}): TestbenchError {
  const got = value === undefined ? "" : `, got ${quote(value)}`;
  return new TestbenchError(StreamErrorCode.argumentsInvalid, `${source}: argument ${argument} ${problem}${got}`, {
    context: { ...context, argument },
  });
}

/** Refuse arguments `source` does not define (a typo must not fall back to a default). */
export function rejectUnknownArguments(source: string, args: Readonly<Record<string, string>>, known: readonly string[], context: ErrorContext = {}): void {
  for (const key of Object.keys(args)) {
    if (!known.includes(key)) throw invalidArgument(source, key, `is not known (known: ${known.join(", ") || "none"})`, args[key], context);
  }
}
