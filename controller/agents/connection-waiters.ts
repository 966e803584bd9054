/** Callers waiting for a connection: all resolved when one comes up, all rejected when the client gives up. */
export class ConnectionWaiters<T> {
  private readonly waiting = new Set<{ resolve: (value: T) => void; reject: (error: unknown) => void }>();
  private failure: Error | undefined;

  wait(signal?: AbortSignal): Promise<T> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        this.waiting.delete(waiter);
        reject(signal?.reason);
      };
      const waiter = {
        resolve: (value: T) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(value);
        },
        reject: (error: unknown) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      };
      this.waiting.add(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  succeed(value: T): void {
    const all = [...this.waiting];
    this.waiting.clear();
    for (const waiter of all) waiter.resolve(value);
  }

  /** Reject everyone now and later (the client will not connect again). */
  fail(error: Error): void {
    this.failure ??= error;
    const all = [...this.waiting];
    this.waiting.clear();
    for (const waiter of all) waiter.reject(this.failure);
  }
}
