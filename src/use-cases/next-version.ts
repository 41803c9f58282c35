/**
 * A versioned record as an update guarded by `expectedVersion` has just saved it: the record before
 * with `changes`, the next version, stamped `at` (what the audit entry and the reply show as after).
 */
export function nextVersion<T extends { version: number; updatedAt: string }>(
  before: T,
  changes: Partial<Omit<T, 'version' | 'updatedAt'>>,
  expectedVersion: number,
  at: string,
): T {
  return { ...before, ...changes, version: expectedVersion + 1, updatedAt: at };
}
