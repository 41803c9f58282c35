import type { StoreDb } from '../../src/store/dialect.ts';

const TABLES = [
  'regions',
  'agencies',
  'users',
  'sessions',
  'api_tokens',
  'tracking_counters',
  'applications',
  'applicants',
  'audit_log',
  'audit_chains',
  'normative_documents',
  'enforcement_statistics',
  'cases',
  'disclosures',
  'annual_reports',
  'import_batches',
  'work_records',
] as const;

/**
 * Everything stored, as comparable text: rows of every table in a fixed order (sessions by id
 * only, since a request may renew a session's expiry). Equal snapshots before and after a refused
 * request show that it changed nothing.
 */
export async function snapshotStore(db: StoreDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    const shown = table === 'sessions' ? rows.map((r) => ({ id: (r as { id: string }).id })) : rows;
    out[table] = shown
      .map((r) => JSON.stringify(r))
      .sort()
      .join('\n');
  }
  return out;
}
