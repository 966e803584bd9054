/** Run a per-host task on many hosts, at most `parallel` at a time, results in inventory order. */

export async function forEachHost<T, R>(hosts: readonly T[], parallel: number, task: (host: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(hosts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const index = next++;
      results[index] = await task(hosts[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, hosts.length)) }, worker));
  return results;
}
