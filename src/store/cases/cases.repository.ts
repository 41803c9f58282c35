import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CaseKind, CaseResult } from '../../core/cases/case.ts';
import type { IsoDate } from '../../core/dates.ts';
import { getAgencyRecord, updateAgencyRowAtVersion } from '../agency-row.ts';
import type { CasesTable, Database } from '../database.ts';

/** A 行政复议 / 行政诉讼 case as stored. No personal data: the applicant is on the application. */
export interface StoredCase {
  id: string;
  agencyId: string;
  applicationId: string | null;
  kind: CaseKind;
  caseNumber: string | null;
  filedOn: IsoDate;
  /** null while open (尚未审结). */
  result: CaseResult | null;
  decidedOn: IsoDate | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const CASE_CONFLICT_MESSAGE = '该案件已被他人修改，请刷新后重试';

function rowToCase(row: CasesTable): StoredCase {
  return {
    id: row.id,
    agencyId: row.agency_id,
    applicationId: row.application_id,
    kind: row.kind,
    caseNumber: row.case_number,
    filedOn: row.filed_on,
    result: row.result,
    decidedOn: row.decided_on,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The agency's case, or null (also when it belongs to another agency). */
export async function getCase(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<StoredCase | null> {
  return getAgencyRecord(db, 'cases', agencyId, id, rowToCase);
}

export interface CaseFilters {
  kind?: CaseKind;
  /** true: only open cases (尚未审结); false: only decided ones. */
  open?: boolean;
  /** Only cases filed in that year. */
  filedYear?: number;
}

/** The agency's cases, latest filing first (at most 1,000 per call, from `offset`). */
export async function listCases(
  db: Kysely<Database>,
  agencyId: string,
  filters: CaseFilters = {},
  page: { limit?: number; offset?: number } = {},
): Promise<StoredCase[]> {
  const limit = Math.min(1000, Math.max(1, Math.trunc(page.limit ?? 200)));
  const offset = Math.max(0, Math.trunc(page.offset ?? 0));
  const year = filters.filedYear;
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .$if(filters.kind !== undefined, (qb) => qb.where('kind', '=', filters.kind as CaseKind))
    .$if(filters.open === true, (qb) => qb.where('decided_on', 'is', null))
    .$if(filters.open === false, (qb) => qb.where('decided_on', 'is not', null))
    .$if(year !== undefined, (qb) =>
      qb.where('filed_on', '>=', `${year}-01-01`).where('filed_on', '<=', `${year}-12-31`),
    )
    .orderBy('filed_on', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(rowToCase);
}

/** The day the agency's application was received, or null when it is not the agency's. */
export async function findApplicationReceivedOn(
  db: Kysely<Database>,
  agencyId: string,
  applicationId: string,
): Promise<IsoDate | null> {
  const application = await db
    .selectFrom('applications')
    .select('received_on')
    .where('id', '=', applicationId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return application?.received_on ?? null;
}

/** Inserts a new, open case (version 1) and returns it as stored. */
export async function insertCase(
  trx: Transaction<Database>,
  input: {
    agencyId: string;
    applicationId: string | null;
    kind: CaseKind;
    caseNumber: string | null;
    filedOn: IsoDate;
    at: string;
  },
): Promise<StoredCase> {
  const row: CasesTable = {
    id: randomUUID(),
    agency_id: input.agencyId,
    application_id: input.applicationId,
    kind: input.kind,
    case_number: input.caseNumber,
    filed_on: input.filedOn,
    result: null,
    decided_on: null,
    version: 1,
    created_at: input.at,
    updated_at: input.at,
  };
  await trx.insertInto('cases').values(row).execute();
  return rowToCase(row);
}

/** Writes a case's decision if it is still at `expectedVersion`; false when it is not. */
export async function updateCaseDecision(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
  decision: { result: CaseResult; decidedOn: IsoDate },
  at: string,
): Promise<boolean> {
  const values = { result: decision.result, decided_on: decision.decidedOn };
  return updateAgencyRowAtVersion(trx, 'cases', agencyId, id, expectedVersion, values, at);
}
