import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CaseKind, CaseResult } from '../../core/cases/case.ts';
import { type CaseInput, checkCase, checkDecision } from '../../core/cases/check-case.ts';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { findAgencyRow } from '../agency-row.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
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
  const row = await findAgencyRow(db, 'cases', agencyId, id);
  return row ? rowToCase(row) : null;
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

export interface FileCaseInput extends CaseInput {
  /** The application the case concerns; it must be the same agency's. */
  applicationId?: string | null;
}

/**
 * Records a new, open case. Audited. Throws INVALID_INPUT / INVALID_DATE, NOT_FOUND (agency, or
 * an application that is not the agency's).
 */
export async function fileCase(
  trx: Transaction<Database>,
  agencyId: string,
  input: FileCaseInput,
  actor: Actor,
  now: Moment,
): Promise<StoredCase> {
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  const applicationId = input.applicationId ?? null;
  let receivedOn: IsoDate | null = null;
  if (applicationId !== null) {
    const application = await trx
      .selectFrom('applications')
      .select('received_on')
      .where('id', '=', applicationId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (!application) throw new AppError('NOT_FOUND', '所涉申请不存在（或不属于本机关）');
    receivedOn = application.received_on;
  }
  const valid = checkCase(input, now.today, receivedOn);
  const at = now.at.toISOString();
  const row: CasesTable = {
    id: randomUUID(),
    agency_id: agencyId,
    application_id: applicationId,
    kind: valid.kind,
    case_number: valid.caseNumber,
    filed_on: valid.filedOn,
    result: null,
    decided_on: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('cases').values(row).execute();
  const stored = rowToCase(row);
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'case',
    entityId: row.id,
    action: 'file',
    before: null,
    after: stored,
  });
  return stored;
}

/**
 * Records the decision of an open case (结果维持 / 结果纠正 / 其他结果). Audited. Throws NOT_FOUND,
 * CONFLICT (stale version, already decided), INVALID_INPUT / INVALID_DATE.
 */
export async function decideCase(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  decision: { result: CaseResult; decidedOn: IsoDate },
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<StoredCase> {
  const before = await getCase(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '案件不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', CASE_CONFLICT_MESSAGE);
  const valid = checkDecision(before, decision.result, decision.decidedOn, now.today);
  const at = now.at.toISOString();
  const updated = await trx
    .updateTable('cases')
    .set({ result: valid.result, decided_on: valid.decidedOn, version: expectedVersion + 1, updated_at: at })
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('CONFLICT', CASE_CONFLICT_MESSAGE);
  const after: StoredCase = { ...before, ...valid, version: expectedVersion + 1, updatedAt: at };
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'case',
    entityId: id,
    action: 'decide',
    before,
    after,
  });
  return after;
}
