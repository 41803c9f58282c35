import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { NormativeKind } from '../../core/table2-sources/normative-document.ts';
import { getAgencyRecord, updateAgencyRowAtVersion } from '../agency-row.ts';
import type { Database, NormativeDocumentsTable } from '../database.ts';

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
  return getAgencyRecord(db, 'normative_documents', agencyId, id, rowToDocument);
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

/** The id of the agency's document with that number, or null. */
export async function findNormativeDocumentIdByNumber(
  db: Kysely<Database>,
  agencyId: string,
  documentNumber: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('normative_documents')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('document_number', '=', documentNumber)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Any agency's document by id: whose it is and when it was issued, or null. */
export async function findNormativeDocumentIssue(
  db: Kysely<Database>,
  id: string,
): Promise<{ agencyId: string; issuedOn: IsoDate } | null> {
  const row = await db
    .selectFrom('normative_documents')
    .select(['agency_id', 'issued_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { agencyId: row.agency_id, issuedOn: row.issued_on } : null;
}

/**
 * Inserts a document in force (version 1) and returns it as stored. A document number the agency
 * already registered fails with the database's unique violation.
 */
export async function insertNormativeDocument(
  trx: Transaction<Database>,
  agencyId: string,
  document: { kind: NormativeKind; documentNumber: string; title: string; issuedOn: IsoDate },
  at: string,
): Promise<StoredNormativeDocument> {
  const row: NormativeDocumentsTable = {
    id: randomUUID(),
    agency_id: agencyId,
    kind: document.kind,
    document_number: document.documentNumber,
    title: document.title,
    issued_on: document.issuedOn,
    repealed_on: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('normative_documents').values(row).execute();
  return rowToDocument(row);
}

/** Writes the repeal day if the document is still at `expectedVersion`; false when it is not. */
export async function updateNormativeDocumentRepeal(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
  repealedOn: IsoDate,
  at: string,
): Promise<boolean> {
  const values = { repealed_on: repealedOn };
  return updateAgencyRowAtVersion(trx, 'normative_documents', agencyId, id, expectedVersion, values, at);
}
