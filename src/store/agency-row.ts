import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from './database.ts';

/** The tables whose rows belong to one agency (an `id` and an `agency_id` column). */
export type AgencyOwnedTable = {
  [T in keyof Database]: Database[T] extends { id: string; agency_id: string } ? T : never;
}[keyof Database];

/** A table of agency-owned rows, as the generic query below reads it. */
type AgencyOwnedRows = Record<AgencyOwnedTable, { id: string; agency_id: string }>;

/** A table of agency-owned rows with optimistic versions, as the generic writes below see it. */
type VersionedRows = Record<
  AgencyOwnedTable,
  { id: string; agency_id: string; version: number; updated_at: string }
>;

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

/** The agency's row of `table` by id as `map` makes it, or null (also when it is another agency's). */
export async function getAgencyRecord<T extends AgencyOwnedTable, R>(
  db: Kysely<Database> | Transaction<Database>,
  table: T,
  agencyId: string,
  id: string,
  map: (row: Selectable<Database[T]>) => R,
): Promise<R | null> {
  const row = await findAgencyRow(db, table, agencyId, id);
  return row ? map(row) : null;
}

/**
 * Writes `values` to the agency's row of `table` if it is still at `expectedVersion`, moving it to
 * the next version as of `at`. False when it is not (stale version, or not the agency's row).
 */
export async function updateAgencyRowAtVersion<T extends AgencyOwnedTable>(
  trx: Transaction<Database>,
  table: T,
  agencyId: string,
  id: string,
  expectedVersion: number,
  values: Updateable<Database[T]>,
  at: string,
): Promise<boolean> {
  const result = await (trx as unknown as Kysely<VersionedRows>)
    .updateTable(table as AgencyOwnedTable)
    .set({ ...(values as object), version: expectedVersion + 1, updated_at: at })
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes the agency's row of `table` if it is still at `expectedVersion`; false when it is not. */
export async function deleteAgencyRowAtVersion(
  trx: Transaction<Database>,
  table: AgencyOwnedTable,
  agencyId: string,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  const result = await (trx as unknown as Kysely<VersionedRows>)
    .deleteFrom(table)
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
