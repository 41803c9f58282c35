import { z } from 'zod';
import { isJobFinished } from '../../core/jobs/job.ts';
import { saveImportBatchFiles } from '../../store/imports/import-batches.ts';
import {
  countUnreadImportFiles,
  deleteImportFiles,
  filesBeingRead,
  recordPlannedFile,
  undoneImportFiles,
} from '../../store/imports/import-files.ts';
import { planImport, refusedFile, skipTwinsInBatch } from '../../store/imports/import-plan.ts';
import { advanceJob, getJob } from '../../store/jobs/jobs.repository.ts';
import type { JobKind } from '../jobs/job-kind.ts';
import { importJobOptions } from './import-files-job.ts';
import { readRecordingPages } from './read-recording-pages.ts';

/** Files per part: scans take seconds a page, so parts are small and several workers share a batch. */
export const PREVIEW_PART_SIZE = 5;

const payload = z.object({
  batchId: z.string().min(1),
  regionId: z.string().min(1),
  options: importJobOptions,
  files: z.number().int().min(0),
});
export type ReadImportPreviewPayload = z.infer<typeof payload>;

/**
 * Reading an uploaded batch for its preview, as a job (a batch of scans takes minutes): each file is
 * read and recognised once (what was read replaces its bytes, in the transaction counting it), the
 * OCR page of each file being read is recorded as it goes, and when every file is read the batch's
 * preview is written (twins across parts skipped) and its files dropped. Stores no report: the
 * user confirms the preview as before.
 */
export const readImportPreviewJob: JobKind<ReadImportPreviewPayload> = {
  kind: 'read-import-preview',
  label: '读取待导入的报告',
  payload,
  async runPart(ctx, p, part) {
    const from = part * PREVIEW_PART_SIZE;
    const files = (await undoneImportFiles(ctx.db, p.batchId, from, from + PREVIEW_PART_SIZE)).filter(
      (f) => f.content !== null,
    );
    const read = readRecordingPages(ctx, p.batchId, new Map(files.map((f) => [f.name, f.position])));
    for (const f of files) {
      // Cancelled (or failed) meanwhile: no more reading for it.
      const job = await getJob(ctx.db, ctx.jobId);
      if (!job || isJobFinished(job.state)) return;
      const [planned] = await planImport(ctx.db, read, [{ name: f.name, read: () => f.content! }], {
        regionId: p.regionId,
        ...p.options,
      });
      await ctx.db.transaction().execute(async (trx) => {
        await recordPlannedFile(trx, p.batchId, f.position, planned!);
        await advanceJob(
          trx,
          ctx.jobId,
          1,
          `已读取第 ${f.position + 1} 个文件（${f.name}）`,
          ctx.now().at.toISOString(),
        );
      });
    }
  },
  remaining: (db, p) => countUnreadImportFiles(db, p.batchId),
  async finish(trx, p) {
    const files = skipTwinsInBatch(
      (await filesBeingRead(trx, p.batchId)).map(
        (f) => f.planned ?? refusedFile(f.name, f.refused ?? '未能读取该文件'),
      ),
    );
    await saveImportBatchFiles(trx, p.batchId, p.options, files);
    await deleteImportFiles(trx, p.batchId);
    const ready = files.filter((f) => f.status === 'ready').length;
    return {
      result: { batchId: p.batchId, files: files.length, ready },
      message: `读取完成：共 ${files.length} 个文件，待导入 ${ready} 份，请核对后确认`,
    };
  },
  async failed(trx, p) {
    // The preview shows what was read; a file not read is skipped with the reason.
    const files = (await filesBeingRead(trx, p.batchId)).map(
      (f) => f.planned ?? refusedFile(f.name, f.refused ?? '读取未完成（任务失败），请重新上传该文件'),
    );
    await saveImportBatchFiles(trx, p.batchId, p.options, skipTwinsInBatch(files));
    await deleteImportFiles(trx, p.batchId);
  },
};

/** Parts of a preview of `files` files. */
export const previewParts = (files: number): number => Math.max(1, Math.ceil(files / PREVIEW_PART_SIZE));
