/**
 * ours / baseline, or `null` when either side has no figure (a scenario that
 * never passed, a division by zero): a missing ratio must not read as 0 or ∞.
 *
 * @example
 * ratio(95_000, 100_000); // 0.95
 * ratio(5, 0); // null
 */
export function ratio(ours: number | null, baseline: number | null): number | null {
  if (ours === null || baseline === null) return null;
  if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return null;
  return ours / baseline;
}

/**
 * The median of a list, for repeated measurements of one figure; `null` for
 * an empty list.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
