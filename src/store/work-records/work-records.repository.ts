import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { validateWorkRecord } from '../../core/work-records/validate-work-record.ts';
import type { WorkRecordInput, WorkRecordKind } from '../../core/work-records/work-record-kinds.ts';
import { findAgencyRow } from '../agency-row.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
import type { Database, WorkRecordsTable } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';

/** A work record as stored: kind, year (null for a channel) and data, with its identity and version. */
export type StoredWorkRecord = WorkRecordInput & {
  id: string;
  agencyId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export const WORK_RECORD_CONFLICT_MESSAGE = '该记录已被他人修改或删除，请刷新后重试';
const NOT_FOUND_MESSAGE = '工作记录不存在';

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
  const row = await findAgencyRow(db, 'work_records', agencyId, id);
  return row ? rowToWorkRecord(row) : null;
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

/**
 * An interpretation's document must be in the agency's registers: NOT_FOUND when it does not
 * exist, INVALID_INPUT when it is another agency's.
 */
async function checkReferences(
  trx: Transaction<Database>,
  agencyId: string,
  record: WorkRecordInput,
): Promise<void> {
  if (record.kind !== 'interpretation') return;
  const { normativeDocumentId, disclosureId } = record.data;
  if (normativeDocumentId !== null) {
    const doc = await trx
      .selectFrom('normative_documents')
      .select(['agency_id', 'issued_on'])
      .where('id', '=', normativeDocumentId)
      .executeTakeFirst();
    if (!doc) throw new AppError('NOT_FOUND', '所解读的规范性文件不存在（data.normativeDocumentId）');
    if (doc.agency_id !== agencyId) {
      throw new AppError('INVALID_INPUT', '所解读的规范性文件不是本机关制发的（data.normativeDocumentId）');
    }
    if (record.data.publishedOn < doc.issued_on) {
      throw new AppError(
        'INVALID_INPUT',
        `解读发布日期 ${record.data.publishedOn} 早于所解读文件的制发日期 ${doc.issued_on}（data.publishedOn）`,
      );
    }
  }
  if (disclosureId !== null) {
    const item = await trx
      .selectFrom('disclosures')
      .select('agency_id')
      .where('id', '=', disclosureId)
      .executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', '所解读的主动公开信息不存在（data.disclosureId）');
    if (item.agency_id !== agencyId) {
      throw new AppError('INVALID_INPUT', '所解读的主动公开信息不属于本机关（data.disclosureId）');
    }
  }
}

const figuresTaken = (year: number | null) =>
  new AppError('CONFLICT', `${year}年的年度工作数据已录入，请修改已有的记录`);

/** One record of figures per agency-year, one task per position of the year's plan. */
async function checkUnique(
  trx: Transaction<Database>,
  agencyId: string,
  record: WorkRecordInput,
  exceptId: string | null,
): Promise<void> {
  if (record.kind !== 'figures' && record.kind !== 'task') return;
  const others = await trx
    .selectFrom('work_records')
    .select(['id', 'data_json'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', record.kind)
    .where('year', '=', record.year)
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId as string))
    .execute();
  if (record.kind === 'figures' && others.length > 0) throw figuresTaken(record.year);
  if (record.kind === 'task') {
    const position = record.data.position;
    if (others.some((o) => JSON.parse(o.data_json).position === position)) {
      throw new AppError('CONFLICT', `${record.year}年工作要点第${position}项任务已录入，请修改已有的记录`);
    }
  }
}

async function requireAgency(trx: Transaction<Database>, agencyId: string): Promise<void> {
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
}

/**
 * Enters a work record (`{ kind, year?, data }`, checked by validateWorkRecord). Audited. Throws
 * INVALID_INPUT (with the fields at fault), NOT_FOUND (agency, interpreted document), CONFLICT (the
 * year's figures or that task already entered).
 */
export async function createWorkRecord(
  trx: Transaction<Database>,
  agencyId: string,
  input: unknown,
  actor: Actor,
  now: Moment,
): Promise<StoredWorkRecord> {
  const record = validateWorkRecord(input, now.today);
  await requireAgency(trx, agencyId);
  await checkReferences(trx, agencyId, record);
  await checkUnique(trx, agencyId, record, null);
  const at = now.at.toISOString();
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
  try {
    await trx.insertInto('work_records').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw figuresTaken(record.year);
    throw error;
  }
  const stored = rowToWorkRecord(row);
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'work-record',
    entityId: row.id,
    action: `create:${record.kind}`,
    before: null,
    after: stored,
  });
  return stored;
}

async function currentRecord(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
): Promise<StoredWorkRecord> {
  const before = await getWorkRecord(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', WORK_RECORD_CONFLICT_MESSAGE);
  return before;
}

/**
 * Replaces a record's data (its kind stays). Audited. Throws NOT_FOUND, CONFLICT (stale version,
 * figures or task taken), INVALID_INPUT (as createWorkRecord, or another kind).
 */
export async function updateWorkRecord(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  input: unknown,
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<StoredWorkRecord> {
  const record = validateWorkRecord(input, now.today);
  const before = await currentRecord(trx, agencyId, id, expectedVersion);
  if (record.kind !== before.kind) {
    throw new AppError('INVALID_INPUT', `记录类别不能修改：该记录为 ${before.kind}，请求为 ${record.kind}`);
  }
  await checkReferences(trx, agencyId, record);
  await checkUnique(trx, agencyId, record, id);
  const at = now.at.toISOString();
  let result: { numUpdatedRows: bigint };
  try {
    result = await trx
      .updateTable('work_records')
      .set({
        year: record.year,
        data_json: JSON.stringify(record.data),
        version: expectedVersion + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('agency_id', '=', agencyId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
  } catch (error) {
    if (isUniqueViolation(error)) throw figuresTaken(record.year);
    throw error;
  }
  if (result.numUpdatedRows === 0n) throw new AppError('CONFLICT', WORK_RECORD_CONFLICT_MESSAGE);
  const after = {
    ...before,
    year: record.year,
    data: record.data,
    version: expectedVersion + 1,
    updatedAt: at,
  } as StoredWorkRecord;
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'work-record',
    entityId: id,
    action: `update:${record.kind}`,
    before,
    after,
  });
  return after;
}

/** Deletes a record entered by mistake. Audited (the audit keeps it). Throws NOT_FOUND, CONFLICT. */
export async function deleteWorkRecord(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<void> {
  const before = await currentRecord(trx, agencyId, id, expectedVersion);
  const result = await trx
    .deleteFrom('work_records')
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('CONFLICT', WORK_RECORD_CONFLICT_MESSAGE);
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'work-record',
    entityId: id,
    action: `delete:${before.kind}`,
    before,
    after: null,
  });
}
