import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { validateWorkRecord } from '../../core/work-records/validate-work-record.ts';
import { agencyExists } from '../../store/agency-row.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import { isUniqueViolation } from '../../store/db-errors.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { insertWorkRecord, type StoredWorkRecord } from '../../store/work-records/work-records.repository.ts';
import { auditWorkRecord } from './audit-work-record.ts';
import { checkReferences, checkUnique, figuresTaken } from './check-work-record.ts';

/**
 * Enters a work record (`{ kind, year?, data }`, checked by validateWorkRecord). Audited. Throws
 * INVALID_INPUT (with the fields at fault), NOT_FOUND (agency, interpreted document), CONFLICT (the
 * year's figures or that task already entered).
 */
export async function createWorkRecord(
  trx: StoreTrx,
  agencyId: string,
  input: unknown,
  actor: Actor,
  now: Moment,
): Promise<StoredWorkRecord> {
  const record = validateWorkRecord(input, now.today);
  if (!(await agencyExists(trx, agencyId))) throw new AppError('NOT_FOUND', '机关不存在');
  await checkReferences(trx, agencyId, record);
  await checkUnique(trx, agencyId, record, null);
  let stored: StoredWorkRecord;
  try {
    stored = await insertWorkRecord(trx, agencyId, record, now.at.toISOString());
  } catch (error) {
    if (isUniqueViolation(error)) throw figuresTaken(record.year);
    throw error;
  }
  const action = `create:${record.kind}` as const;
  await auditWorkRecord(trx, agencyId, { id: stored.id, action, before: null, after: stored }, actor, now);
  return stored;
}
