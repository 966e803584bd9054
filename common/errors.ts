/**
 * One error base for the whole project. Every error carries a stable `code`
 * (listed in docs/errors.md), read-only context fields and an optional `cause`.
 * The wire form of an error is a Failure {code, message, retryable}.
 */

export type ErrorContext = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface TestbenchErrorOptions {
  readonly context?: ErrorContext;
  readonly cause?: unknown;
  /** True when repeating the same request may succeed (transient faults). */
  readonly retryable?: boolean;
  /** True when the error is the user's to fix (bad option, bad file): the CLI prints no stack trace. */
  readonly userError?: boolean;
}

export class TestbenchError extends Error {
  readonly code: string;
  readonly context: ErrorContext;
  readonly retryable: boolean;
  readonly userError: boolean;

  constructor(code: string, message: string, options: TestbenchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TestbenchError";
    this.code = code;
    this.context = Object.freeze({ ...(options.context ?? {}) });
    this.retryable = options.retryable ?? false;
    this.userError = options.userError ?? false;
  }
}

/** A bad option, flag, config key or file content: the user's to fix. */
export class ValidationError extends TestbenchError {
  constructor(code: string, message: string, options: Omit<TestbenchErrorOptions, "userError"> = {}) {
    super(code, message, { ...options, userError: true });
    this.name = "ValidationError";
  }
}

export function isTestbenchError(value: unknown): value is TestbenchError {
  return value instanceof TestbenchError;
}

/** Quote a value for an error message the way a user typed or would recognise it. */
export function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === undefined) return "nothing";
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
