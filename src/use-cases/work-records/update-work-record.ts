import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { validateWorkRecord } from '../../core/work-records/validate-work-record.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import { isUniqueViolation } from '../../store/db-errors.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  type StoredWorkRecord,
  updateWorkRecordData,
  WORK_RECORD_CONFLICT_MESSAGE,
} from '../../store/work-records/work-records.repository.ts';
import { nextVersion } from '../next-version.ts';
import { auditWorkRecord } from './audit-work-record.ts';
import { checkReferences, checkUnique, currentRecord, figuresTaken } from './check-work-record.ts';

/**
 * Replaces a record's data (its kind stays). Audited. Throws NOT_FOUND, CONFLICT (stale version,
 * figures or task taken), INVALID_INPUT (as createWorkRecord, or another kind).
 */
export async function updateWorkRecord(
  trx: StoreTrx,
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
  let saved: boolean;
  try {
    saved = await updateWorkRecordData(trx, agencyId, id, expectedVersion, record, at);
  } catch (error) {
    if (isUniqueViolation(error)) throw figuresTaken(record.year);
    throw error;
  }
  if (!saved) throw new AppError('CONFLICT', WORK_RECORD_CONFLICT_MESSAGE);
  const after = nextVersion(
    before,
    { year: record.year, data: record.data } as Partial<StoredWorkRecord>,
    expectedVersion,
    at,
  );
  await auditWorkRecord(trx, agencyId, { id, action: `update:${record.kind}`, before, after }, actor, now);
  return after;
}
