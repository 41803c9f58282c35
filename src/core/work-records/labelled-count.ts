/** A part of a breakdown ("图文解读4篇"): its label as the report prints it, and its count. */
export interface LabelledCount {
  label: string;
  count: number;
}

/** Counts of `values` per key, in the order of `keys`, non-zero only. */
export function tally<K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  values: K[],
): Array<LabelledCount & Record<'key', K>> {
  return keys
    .map((key) => ({ key, label: labels[key], count: values.filter((v) => v === key).length }))
    .filter((c) => c.count > 0);
}

/**
 * Parts with equal labels merged (in their order), completed with a remainder part so that they add up to `total`.
 * Parts that add up to more than the total (records the store should not hold) give no breakdown
 * at all rather than one that does not add up.
 */
export function completed(parts: LabelledCount[], total: number, remainderLabel: string): LabelledCount[] {
  const merged = new Map<string, number>();
  for (const p of parts) if (p.count > 0) merged.set(p.label, (merged.get(p.label) ?? 0) + p.count);
  const listed = [...merged.values()].reduce((a, b) => a + b, 0);
  if (listed > total) return [];
  const rest = (merged.get(remainderLabel) ?? 0) + total - listed;
  const out = [...merged]
    .filter(([label]) => label !== remainderLabel)
    .map(([label, count]) => ({ label, count }));
  // The remainder goes last, as reports list 其他 after the named parts.
  return rest > 0 ? [...out, { label: remainderLabel, count: rest }] : out;
}
