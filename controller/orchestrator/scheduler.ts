/**
 * Runs a queue of jobs, each needing one testbed: as many at once as there are free testbeds
 * (a run owns its testbed). Stops taking new jobs when `stop` aborts; jobs in flight finish.
 */
export interface Job<T> {
  readonly testbed: string;
  run(): Promise<T>;
}

export async function schedule<T>(
  jobs: readonly Job<T>[],
  stop: AbortSignal,
  onDone: (job: Job<T>, result: PromiseSettledResult<T>) => void,
  onStart?: (job: Job<T>) => void,
): Promise<void> {
  const queue = [...jobs];
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  let wake: () => void = () => {};
  // One listener for the whole schedule, not one per wait.
  const onStop = () => wake();
  stop.addEventListener("abort", onStop, { once: true });
  const startFreeJobs = () => {
    while (!stop.aborted) {
      const index = queue.findIndex((job) => !busy.has(job.testbed));
      const job = index < 0 ? undefined : queue.splice(index, 1)[0];
      if (!job) return;
      busy.add(job.testbed);
      onStart?.(job);
      const task: Promise<void> = job
        .run()
        .then(
          (value) => onDone(job, { status: "fulfilled", value }),
          (reason: unknown) => onDone(job, { status: "rejected", reason }),
        )
        .finally(() => {
          busy.delete(job.testbed);
          running.delete(task);
          wake();
        });
      running.add(task);
    }
  };
  try {
    for (startFreeJobs(); running.size > 0; startFreeJobs()) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stop.removeEventListener("abort", onStop);
  }
}
