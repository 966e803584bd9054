import { InvalidArgumentError } from "commander";

/** A commander argument parser for finite numbers ("1e7", "0.005"). */
export function parseNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed)) throw new InvalidArgumentError(`expected a number, got "${value}"`);
  return parsed;
}

/** A commander argument parser for whole numbers. */
export function parseInteger(value: string): number {
  const parsed = parseNumber(value);
  if (!Number.isSafeInteger(parsed)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return parsed;
}
