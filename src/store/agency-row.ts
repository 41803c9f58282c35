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
