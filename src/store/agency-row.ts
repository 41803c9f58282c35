import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './database.ts';

/** The tables whose rows belong to one agency (an `id` and an `agency_id` column). */
export type AgencyOwnedTable = {
  [T in keyof Database]: Database[T] extends { id: string; agency_id: string } ? T : never;
}[keyof Database];

/** A table of agency-owned rows, as the generic query below reads it. */
type AgencyOwnedRows = Record<AgencyOwnedTable, { id: string; agency_id: string }>;

/**
 * The agency's row of `table` by id, or undefined: also when the row belongs to another agency, so
 * that an id from elsewhere reads as "not found".
 */
export async function findAgencyRow<T extends AgencyOwnedTable>(
  db: Kysely<Database> | Transaction<Database>,
  table: T,
  agencyId: string,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  const row = await (db as unknown as Kysely<AgencyOwnedRows>)
    .selectFrom(table as AgencyOwnedTable)
    .selectAll()
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row as Selectable<Database[T]> | undefined;
}

/** Whether the agency exists. */
export async function agencyExists(
  db: Kysely<Database> | Transaction<Database>,
  agencyId: string,
): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  return row !== undefined;
}

/** The agencies whose id or exact name is one of `keys`. */
export async function findAgenciesByIdOrName(
  db: Kysely<Database> | Transaction<Database>,
  keys: string[],
): Promise<Array<{ id: string; name: string }>> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('id', 'in', keys), eb('name', 'in', keys)]))
    .execute();
}
