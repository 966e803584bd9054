/**
 * Errors of the failover analysis. Input errors name the file (or source), the 1-based line when
 * there is one, and what was wrong; they are the user's to fix (a garbled capture, a wrong folder).
 */
import { ValidationError, quote } from "../../../common/errors.js";

export const FAILOVER_INPUT_INVALID = "FAILOVER_INPUT_INVALID";
export const FAILOVER_OPTION_INVALID = "FAILOVER_OPTION_INVALID";
export const FAILOVER_EVENT_MISSING = "FAILOVER_EVENT_MISSING";
export const FAILOVER_REPLICATIONS_MISMATCH = "FAILOVER_REPLICATIONS_MISMATCH";

/** Where an input came from: a file path or a stream name, and a line when known. */
export interface InputPlace {
  readonly source: string;
  readonly line?: number;
}

export function placeText(place: InputPlace): string {
  return place.line === undefined ? place.source : `${place.source}:${place.line}`;
}

/** "<file>:<line>: <what>" with the offending text quoted (shortened) when given. */
export function inputError(place: InputPlace, what: string, offending?: string): ValidationError {
  const shown = offending === undefined ? "" : `: ${quote(offending.length > 120 ? `${offending.slice(0, 117)}...` : offending)}`;
  return new ValidationError(FAILOVER_INPUT_INVALID, `${placeText(place)}: ${what}${shown}`, {
    context: { file: place.source, line: place.line ?? null },
  });
}

export function optionError(option: string, value: unknown, expected: string): ValidationError {
  return new ValidationError(FAILOVER_OPTION_INVALID, `failover analysis option ${option} must be ${expected}, got ${quote(value)}`, {
    context: { option, value: quote(value) },
  });
}

export function eventMissingError(name: string, present: readonly string[], role: string): ValidationError {
  const names = present.length === 0 ? "the run has no events" : `the run has: ${[...new Set(present)].join(", ")}`;
  return new ValidationError(FAILOVER_EVENT_MISSING, `no event named ${quote(name)} to use as the ${role}; ${names}. Name another with the ${role} option`, {
    context: { event: name, role },
  });
}
