import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  closePendingImportBatch,
  type ImportBatch,
  saveImportSummary,
} from '../../store/imports/import-batches.ts';
import type { ImportSummary } from '../../store/imports/imported-reports.ts';
import { commitImport } from './commit-import.ts';

/**
 * Confirms a pending preview: stores its ready files (commitImport, audited) and marks it
 * confirmed, in the caller's transaction. CONFLICT when it was already confirmed or cancelled, or
 * has expired.
 */
export async function confirmImportBatch(
  trx: StoreTrx,
  batch: ImportBatch,
  actor: Actor,
  now: Moment,
): Promise<ImportSummary> {
  if (!(await closePendingImportBatch(trx, batch.id, 'confirmed', now.at.toISOString()))) {
    throw new AppError('CONFLICT', '该批导入已确认或已取消');
  }
  if (now.at.toISOString() > batch.expiresAt) {
    throw new AppError('CONFLICT', '该批导入的预览已过期（24 小时），请重新上传');
  }
  const summary = await commitImport(trx, batch.id, batch.regionId, batch.files, actor, now);
  await saveImportSummary(trx, batch.id, summary);
  return summary;
}
