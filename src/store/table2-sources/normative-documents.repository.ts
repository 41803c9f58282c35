import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import {
  checkNormativeDocument,
  checkRepeal,
  type NormativeDocumentInput,
} from '../../core/table2-sources/check-normative-document.ts';
import type { NormativeKind } from '../../core/table2-sources/normative-document.ts';
import { findAgencyRow } from '../agency-row.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
import type { Database, NormativeDocumentsTable } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';

export interface StoredNormativeDocument {
  id: string;
  agencyId: string;
  kind: NormativeKind;
  documentNumber: string;
  title: string;
  issuedOn: IsoDate;
  repealedOn: IsoDate | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const DOCUMENT_CONFLICT_MESSAGE = '该文件已被他人修改，请刷新后重试';

function rowToDocument(row: NormativeDocumentsTable): StoredNormativeDocument {
  return {
    id: row.id,
    agencyId: row.agency_id,
    kind: row.kind,
    documentNumber: row.document_number,
    title: row.title,
    issuedOn: row.issued_on,
    repealedOn: row.repealed_on,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The agency's document, or null (also when it belongs to another agency). */
export async function getNormativeDocument(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<StoredNormativeDocument | null> {
  const row = await findAgencyRow(db, 'normative_documents', agencyId, id);
  return row ? rowToDocument(row) : null;
}

export interface NormativeDocumentFilters {
  kind?: NormativeKind;
  /** Only documents in force on that day. */
  inForceOn?: IsoDate;
}

/** The agency's register, latest issue first (at most 1,000 entries per call, from `offset`). */
export async function listNormativeDocuments(
  db: Kysely<Database>,
  agencyId: string,
  filters: NormativeDocumentFilters = {},
  page: { limit?: number; offset?: number } = {},
): Promise<StoredNormativeDocument[]> {
  const limit = Math.min(1000, Math.max(1, Math.trunc(page.limit ?? 200)));
  const offset = Math.max(0, Math.trunc(page.offset ?? 0));
  const rows = await db
    .selectFrom('normative_documents')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .$if(filters.kind !== undefined, (qb) => qb.where('kind', '=', filters.kind as NormativeKind))
    .$if(filters.inForceOn !== undefined, (qb) =>
      qb
        .where('issued_on', '<=', filters.inForceOn as IsoDate)
        .where((eb) =>
          eb.or([eb('repealed_on', 'is', null), eb('repealed_on', '>', filters.inForceOn as IsoDate)]),
        ),
    )
    .orderBy('issued_on', 'desc')
    .orderBy('document_number')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(rowToDocument);
}

/**
 * Enters a 规章 or 行政规范性文件 the agency issued. Audited. Throws INVALID_INPUT / INVALID_DATE,
 * NOT_FOUND (agency), CONFLICT (the agency already registered that document number).
 */
export async function issueNormativeDocument(
  trx: Transaction<Database>,
  agencyId: string,
  input: NormativeDocumentInput,
  actor: Actor,
  now: Moment,
): Promise<StoredNormativeDocument> {
  const valid = checkNormativeDocument(input, now.today);
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  const at = now.at.toISOString();
  const row: NormativeDocumentsTable = {
    id: randomUUID(),
    agency_id: agencyId,
    kind: valid.kind,
    document_number: valid.documentNumber,
    title: valid.title,
    issued_on: valid.issuedOn,
    repealed_on: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  const duplicate = await trx
    .selectFrom('normative_documents')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('document_number', '=', valid.documentNumber)
    .executeTakeFirst();
  const refused = new AppError('CONFLICT', `文号“${valid.documentNumber}”已登记`);
  if (duplicate) throw refused;
  try {
    await trx.insertInto('normative_documents').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw refused;
    throw error;
  }
  const document = rowToDocument(row);
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'normative-document',
    entityId: row.id,
    action: 'issue',
    before: null,
    after: document,
  });
  return document;
}

/**
 * Records the repeal (废止) of a document on `repealedOn`. Audited. Throws NOT_FOUND, CONFLICT
 * (stale version, already repealed), INVALID_INPUT / INVALID_DATE (before issue, after today).
 */
export async function repealNormativeDocument(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  repealedOn: IsoDate,
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<StoredNormativeDocument> {
  const before = await getNormativeDocument(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '文件不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', DOCUMENT_CONFLICT_MESSAGE);
  const day = checkRepeal(before, repealedOn, now.today);
  const at = now.at.toISOString();
  const result = await trx
    .updateTable('normative_documents')
    .set({ repealed_on: day, version: expectedVersion + 1, updated_at: at })
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('CONFLICT', DOCUMENT_CONFLICT_MESSAGE);
  const after: StoredNormativeDocument = {
    ...before,
    repealedOn: day,
    version: expectedVersion + 1,
    updatedAt: at,
  };
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'normative-document',
    entityId: id,
    action: 'repeal',
    before,
    after,
  });
  return after;
}
