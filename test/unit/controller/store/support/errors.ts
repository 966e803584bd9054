import { expect } from "vitest";
import { TestbenchError } from "../../../../../common/errors.js";

/** The TestbenchError `body` throws (fails the test when it throws nothing or something else). */
export function errorOf(body: () => unknown): TestbenchError {
  try {
    body();
  } catch (error) {
    expect(error).toBeInstanceOf(TestbenchError);
    return error as TestbenchError;
  }
  throw new Error("expected a TestbenchError, nothing was thrown");
}

/** The TestbenchError a promise rejects with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<TestbenchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TestbenchError);
  return error as TestbenchError;
}
