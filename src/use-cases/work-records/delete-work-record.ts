import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  deleteWorkRecordRow,
  WORK_RECORD_CONFLICT_MESSAGE,
} from '../../store/work-records/work-records.repository.ts';
import { auditWorkRecord } from './audit-work-record.ts';
import { currentRecord } from './check-work-record.ts';

/** Deletes a record entered by mistake. Audited (the audit keeps it). Throws NOT_FOUND, CONFLICT. */
export async function deleteWorkRecord(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<void> {
  const before = await currentRecord(trx, agencyId, id, expectedVersion);
  const deleted = await deleteWorkRecordRow(trx, agencyId, id, expectedVersion);
  if (!deleted) throw new AppError('CONFLICT', WORK_RECORD_CONFLICT_MESSAGE);
  await auditWorkRecord(
    trx,
    agencyId,
    { id, action: `delete:${before.kind}`, before, after: null },
    actor,
    now,
  );
}
