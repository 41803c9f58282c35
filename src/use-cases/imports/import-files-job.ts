import { z } from 'zod';
import { isAppError } from '../../core/errors.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { saveImportSummary } from '../../store/imports/import-batches.ts';
import {
  countUndoneImportFiles,
  importedInBatch,
  importOutcomes,
  recordImportOutcomes,
  type UndoneImportFile,
  undoneImportFiles,
} from '../../store/imports/import-files.ts';
import { type PlannedFile, planImport } from '../../store/imports/import-plan.ts';
import { advanceJob } from '../../store/jobs/jobs.repository.ts';
import type { JobContext, JobKind } from '../jobs/job-kind.ts';
import { commitImport } from './commit-import.ts';
import { readRecordingPages } from './read-recording-pages.ts';

/** Files per part: one worker reads them and stores them in one transaction. */
export const IMPORT_PART_SIZE = 20;

/** Tries of a part's transaction when another worker stored a version of the same agency-year meanwhile. */
const CONFLICT_TRIES = 4;

/** ImportOptions without the region (year, mapping, createAgencies), as a job's payload holds them. */
export const importJobOptions = z.object({
  year: z.number().int().optional(),
  mapping: z.record(z.string(), z.string()).optional(),
  createAgencies: z.boolean().optional(),
});

const payload = z.object({
  batchId: z.string().min(1),
  regionId: z.string().min(1),
  options: importJobOptions,
  files: z.number().int().min(0),
  actor: z.object({ userId: z.string().nullable(), label: z.string() }),
});
export type ImportFilesPayload = z.infer<typeof payload>;

/** Each undone file of the part as planned: by the batch's preview, or read now from its bytes. */
async function planPart(
  ctx: JobContext,
  p: ImportFilesPayload,
  files: UndoneImportFile[],
): Promise<Array<{ position: number; planned: PlannedFile }>> {
  const toRead = files.filter((f) => f.content !== null);
  const read = await planImport(
    ctx.db,
    readRecordingPages(ctx, p.batchId, new Map(toRead.map((f) => [f.name, f.position]))),
    toRead.map((f) => ({ name: f.name, read: () => f.content! })),
    { regionId: p.regionId, ...p.options },
  );
  const readAt = new Map(toRead.map((f, i) => [f.position, read[i]!]));
  return files.map((f) => ({ position: f.position, planned: f.planned ?? readAt.get(f.position)! }));
}

/** The part's files stored in one transaction, with their outcomes and the job's progress. */
async function storePart(
  ctx: JobContext,
  p: ImportFilesPayload,
  planned: Array<{ position: number; planned: PlannedFile }>,
): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const plan: PlannedFile[] = [];
    for (const { planned: f } of planned) {
      // One report per agency and year in a batch (planImport sees only its part).
      const twin =
        f.status === 'ready' && f.agencyName && f.report
          ? await importedInBatch(trx, p.batchId, f.agencyName, f.report.year)
          : null;
      plan.push(
        twin === null
          ? f
          : {
              ...f,
              status: 'skipped',
              reason: `本批中已有该机关 ${f.report!.year} 年度的报告（文件“${twin}”）`,
            },
      );
    }
    const summary = await commitImport(trx, p.batchId, p.regionId, plan, p.actor, now);
    await recordImportOutcomes(
      trx,
      p.batchId,
      planned.map((f, i) => ({ position: f.position, outcome: summary.files[i]! })),
    );
    const last = planned.at(-1)!;
    await advanceJob(
      trx,
      ctx.jobId,
      planned.length,
      `已处理到第 ${last.position + 1} 个文件（${last.planned.name}）`,
      now.at.toISOString(),
    );
  });
}

/**
 * Import of published report files as a job (the import batch's files, IMPORT_PART_SIZE a part):
 * each file is read (unless the preview did), recognised and stored once. A file's outcome is
 * recorded in the transaction that stores its report, so a part run again after its worker died
 * skips the files it had stored; a file stored before, by any import, is recognised by its
 * SHA-256 and not stored again.
 */
export const importFilesJob: JobKind<ImportFilesPayload> = {
  kind: 'import-files',
  label: '导入年度报告',
  payload,
  async runPart(ctx, p, part) {
    const from = part * IMPORT_PART_SIZE;
    const files = await undoneImportFiles(ctx.db, p.batchId, from, from + IMPORT_PART_SIZE);
    if (files.length === 0) return;
    const planned = await planPart(ctx, p, files);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await storePart(ctx, p, planned);
        return;
      } catch (error) {
        if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= CONFLICT_TRIES) throw error;
        // Another worker stored one of these files, a version of the same agency-year or the same
        // new agency meanwhile: read what is left and try again.
        const left = new Set(
          (await undoneImportFiles(ctx.db, p.batchId, from, from + IMPORT_PART_SIZE)).map((f) => f.position),
        );
        planned.splice(0, planned.length, ...planned.filter((f) => left.has(f.position)));
        if (planned.length === 0) return;
      }
    }
  },
  remaining: (db: StoreDb, p) => countUndoneImportFiles(db, p.batchId),
  async finish(trx, p) {
    const summary = await importOutcomes(trx, p.batchId);
    await saveImportSummary(trx, p.batchId, summary);
    return {
      result: {
        batchId: p.batchId,
        imported: summary.imported,
        alreadyImported: summary.alreadyImported,
        skipped: summary.skipped,
      },
      message: `导入完成：新导入 ${summary.imported} 份，已导入过 ${summary.alreadyImported} 份，跳过 ${summary.skipped} 份`,
    };
  },
  async failed(trx, p) {
    // What was stored before the failure stays stored; the batch keeps the record of it.
    await saveImportSummary(trx, p.batchId, await importOutcomes(trx, p.batchId));
  },
};

/** Parts of an import of `files` files. */
export const importParts = (files: number): number => Math.max(1, Math.ceil(files / IMPORT_PART_SIZE));
