/** Option checks shared by the config and picker compilers: each error names the key and quotes the value. */
import { ValidationError, quote } from "../../../common/errors.js";

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** min is excluded (value > min). */
  readonly above?: number;
  readonly integer?: boolean;
}

function describe(rule: NumberRule): string {
  const parts = [rule.integer === true ? "an integer" : "a finite number"];
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  return parts.join(" ");
}

export function invalid(code: string, key: string, value: unknown, expected: string): never {
  throw new ValidationError(code, `lbsim: ${key} must be ${expected}, got ${quote(value)}`, {
    context: { key, value: typeof value === "object" ? quote(value) : (value as string | number | boolean | undefined) },
  });
}

export function checkNumber(code: string, key: string, value: unknown, rule: NumberRule): number {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (rule.integer !== true || Number.isInteger(value)) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) invalid(code, key, value, describe(rule));
  return value;
}

export function checkBoolean(code: string, key: string, value: unknown): boolean {
  if (typeof value !== "boolean") invalid(code, key, value, "true or false");
  return value;
}

export function checkChoice<T extends string>(code: string, key: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) invalid(code, key, value, `one of ${choices.join(", ")}`);
  return value as T;
}

export function checkKnownKeys(code: string, path: string, value: object, known: readonly string[], label = path): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new ValidationError(code, `lbsim: ${label} has no option ${quote(key)}; it takes ${known.join(", ")}`, { context: { key: `${path}.${key}` } });
    }
  }
}
