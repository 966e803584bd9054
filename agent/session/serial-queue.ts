/** Runs tasks one at a time in arrival order: a traffic generator runs one trial at a time. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Run `task` after every earlier one has settled; a task whose signal aborted while queued does not start. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const result = this.tail.then(() => {
      signal?.throwIfAborted();
      return task();
    });
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
