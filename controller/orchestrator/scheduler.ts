/**
 * Runs a queue of jobs, each needing one testbed: as many at once as there are free testbeds
 * (a run owns its testbed). Stops taking new jobs when `stop` aborts; jobs in flight finish.
 */
export interface Job<T> {
  readonly testbed: string;
  run(): Promise<T>;
}

export async function schedule<T>(jobs: readonly Job<T>[], stop: AbortSignal, onDone: (job: Job<T>, result: PromiseSettledResult<T>) => void, onStart?: (job: Job<T>) => void): Promise<void> {
  const queue = [...jobs];
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  let wake: () => void = () => {};
  for (;;) {
    while (!stop.aborted) {
      const index = queue.findIndex((job) => !busy.has(job.testbed));
      if (index < 0) break;
      const [job] = queue.splice(index, 1);
      if (!job) break;
      busy.add(job.testbed);
      onStart?.(job);
      const task = job.run().then(
        (value) => onDone(job, { status: "fulfilled", value }),
        (reason: unknown) => onDone(job, { status: "rejected", reason }),
      ).finally(() => {
        busy.delete(job.testbed);
        running.delete(task);
        wake();
      });
      running.add(task);
    }
    if (running.size === 0) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      stop.addEventListener("abort", () => resolve(), { once: true });
    });
  }
}
