import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { WorkRecordInput, WorkRecordKind } from '../../core/work-records/work-record-kinds.ts';
import { deleteAgencyRowAtVersion, getAgencyRecord, updateAgencyRowAtVersion } from '../agency-row.ts';
import type { Database, WorkRecordsTable } from '../database.ts';

/** A work record as stored: kind, year (null for a channel) and data, with its identity and version. */
export type StoredWorkRecord = WorkRecordInput & {
  id: string;
  agencyId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export const WORK_RECORD_CONFLICT_MESSAGE = '该记录已被他人修改或删除，请刷新后重试';

export function rowToWorkRecord(row: WorkRecordsTable): StoredWorkRecord {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind as WorkRecordKind,
    year: row.year,
    data: JSON.parse(row.data_json),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } as StoredWorkRecord;
}

/** The agency's record, or null (also when it belongs to another agency). */
export async function getWorkRecord(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<StoredWorkRecord | null> {
  return getAgencyRecord(db, 'work_records', agencyId, id, rowToWorkRecord);
}

export interface WorkRecordFilters {
  kind?: WorkRecordKind;
  /** Records of that year; channels (which span years) are always listed. */
  year?: number;
}

/** The agency's records, by kind, year and order of entry (at most 5,000). */
export async function listWorkRecords(
  db: Kysely<Database>,
  agencyId: string,
  filters: WorkRecordFilters = {},
): Promise<StoredWorkRecord[]> {
  const rows = await db
    .selectFrom('work_records')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .$if(filters.kind !== undefined, (qb) => qb.where('kind', '=', filters.kind as WorkRecordKind))
    .$if(filters.year !== undefined, (qb) =>
      qb.where((eb) => eb.or([eb('year', '=', filters.year as number), eb('year', 'is', null)])),
    )
    .orderBy('kind')
    .orderBy('year')
    .orderBy('created_at')
    .orderBy('id')
    .limit(5000)
    .execute();
  return rows.map(rowToWorkRecord);
}

/** The agency's records of `kind` in `year`, except the one with id `exceptId`. */
export async function listWorkRecordsOfYear(
  db: Kysely<Database>,
  agencyId: string,
  kind: WorkRecordKind,
  year: number | null,
  exceptId: string | null,
): Promise<StoredWorkRecord[]> {
  const rows = await db
    .selectFrom('work_records')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .where('year', '=', year as number)
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId as string))
    .execute();
  return rows.map(rowToWorkRecord);
}

/**
 * Inserts a record (version 1) and returns it as stored. A second figures record of an
 * agency-year fails with the database's unique violation.
 */
export async function insertWorkRecord(
  trx: Transaction<Database>,
  agencyId: string,
  record: WorkRecordInput,
  at: string,
): Promise<StoredWorkRecord> {
  const row: WorkRecordsTable = {
    id: randomUUID(),
    agency_id: agencyId,
    kind: record.kind,
    year: record.year,
    data_json: JSON.stringify(record.data),
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('work_records').values(row).execute();
  return rowToWorkRecord(row);
}

/**
 * Replaces a record's year and data if it is still at `expectedVersion`; false when it is not.
 * Fails with the database's unique violation as insertWorkRecord.
 */
export async function updateWorkRecordData(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
  record: WorkRecordInput,
  at: string,
): Promise<boolean> {
  const values = { year: record.year, data_json: JSON.stringify(record.data) };
  return updateAgencyRowAtVersion(trx, 'work_records', agencyId, id, expectedVersion, values, at);
}

/** Deletes a record if it is still at `expectedVersion`; false when it is not. */
export async function deleteWorkRecordRow(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  return deleteAgencyRowAtVersion(trx, 'work_records', agencyId, id, expectedVersion);
}
