import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { closePendingImportBatch, type ImportBatch } from '../../store/imports/import-batches.ts';

/** Cancels a pending preview (audited); CONFLICT when it was already confirmed or cancelled. */
export async function cancelImportBatch(
  trx: StoreTrx,
  batch: ImportBatch,
  actor: Actor,
  now: Moment,
): Promise<void> {
  if (!(await closePendingImportBatch(trx, batch.id, 'cancelled', now.at.toISOString()))) {
    throw new AppError('CONFLICT', '该批导入已确认或已取消');
  }
  await appendAudit(trx, {
    agencyId: null,
    at: now.at,
    actor,
    entity: 'import-batch',
    entityId: batch.id,
    action: 'cancel',
    before: { status: 'pending' },
    after: { status: 'cancelled' },
  });
}
