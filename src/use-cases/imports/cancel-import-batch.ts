import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { closePendingImportBatch, type ImportBatch } from '../../store/imports/import-batches.ts';
import { deleteImportFiles } from '../../store/imports/import-files.ts';
import { failJob } from '../../store/jobs/jobs.repository.ts';

/** What the job reading a cancelled batch's preview ends with. */
export const PREVIEW_CANCELLED = '该批导入已取消，未读取的文件不再读取';

/**
 * Cancels a pending preview (audited); CONFLICT when it was already confirmed or cancelled. A preview
 * still being read by a job stops there: the job fails with PREVIEW_CANCELLED (no part starts after
 * it, and a part running stops before its next file) and the uploaded files' bytes are dropped.
 */
export async function cancelImportBatch(
  trx: StoreTrx,
  batch: ImportBatch,
  actor: Actor,
  now: Moment,
): Promise<void> {
  if (!(await closePendingImportBatch(trx, batch.id, 'cancelled', now.at.toISOString()))) {
    throw new AppError('CONFLICT', '该批导入已确认或已取消');
  }
  if (batch.jobId !== null) {
    await failJob(trx, batch.jobId, PREVIEW_CANCELLED, now.at.toISOString());
    await deleteImportFiles(trx, batch.id);
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
