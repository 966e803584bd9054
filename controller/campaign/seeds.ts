/**
 * Seeds derived per experiment x replication: FNV-1a (32-bit) over the campaign seed, the
 * experiment key and the replication index. Stable across runs and machines, different for
 * every run, and stored with the results so that any run can be repeated alone.
 */
export function deriveSeed(campaignSeed: number, experimentKey: string, replication: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${campaignSeed}/${experimentKey}/${replication}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
