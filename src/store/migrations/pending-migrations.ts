import { type Kysely, sql } from 'kysely';
import { MIGRATIONS } from './migrate.ts';

/**
 * The migrations not yet applied to a database (all of them for an empty one). Commands that
 * only read and write records (import, export) check it instead of migrating a database behind
 * the operator's back: only `serve` and `gongkai db migrate` change the schema.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema, like the migrator.
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  let applied: Set<string>;
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = new Set(rows.rows.map((r) => r.name));
  } catch {
    applied = new Set();
  }
  return Object.keys(MIGRATIONS).filter((name) => !applied.has(name));
}
