import { AppError, isAppError } from '../../core/errors.ts';
import { isJobFinished, type Job } from '../../core/jobs/job.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreDb, StoreTrx } from '../../store/dialect.ts';
import {
  attachImportJob,
  closePendingImportBatch,
  type ImportBatch,
  saveImportBatch,
} from '../../store/imports/import-batches.ts';
import { type ImportFileInput, insertImportFiles } from '../../store/imports/import-files.ts';
import type { ImportOptions, ImportSource } from '../../store/imports/import-plan.ts';
import type { JobQueue } from '../../store/jobs/job-queue.ts';
import { advanceJob, getJob } from '../../store/jobs/jobs.repository.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { JobKind } from '../jobs/job-kind.ts';
import { importFilesJob, importParts } from './import-files-job.ts';
import { previewParts, readImportPreviewJob } from './read-import-preview-job.ts';

/**
 * Saves a batch's files (their bytes, or why they were refused) and enqueues the job that works
 * on them, in the caller's transaction; the refused files count as done at once.
 */
async function enqueueForFiles<P>(
  trx: StoreTrx,
  queue: JobQueue,
  batchId: string,
  files: readonly ImportFileInput[],
  job: { kind: JobKind<P>; payload: P; parts: number },
  actor: Actor,
  now: Moment,
): Promise<Job> {
  await insertImportFiles(trx, batchId, files);
  const enqueued = await enqueueJob(trx, queue, job.kind, job.payload, {
    parts: job.parts,
    total: files.length,
    actor,
    now,
  });
  await attachImportJob(trx, batchId, enqueued.id);
  const refused = files.filter((f) => 'refused' in f).length;
  if (refused > 0) await advanceJob(trx, enqueued.id, refused, null, now.at.toISOString());
  return { ...enqueued, done: refused };
}

/** The job storing a batch's files. */
function enqueueFiles(
  trx: StoreTrx,
  queue: JobQueue,
  batch: Pick<ImportBatch, 'id' | 'regionId' | 'options'>,
  files: readonly ImportFileInput[],
  actor: Actor,
  now: Moment,
): Promise<Job> {
  const payload = {
    batchId: batch.id,
    regionId: batch.regionId,
    options: batch.options,
    files: files.length,
    actor,
  };
  return enqueueForFiles(
    trx,
    queue,
    batch.id,
    files,
    { kind: importFilesJob, payload, parts: importParts(files.length) },
    actor,
    now,
  );
}

/**
 * Confirms a pending preview: marks it confirmed and enqueues the job that stores its files
 * (each file once; those the preview found already imported or refused are recorded as such), in
 * the caller's transaction. CONFLICT when it was already confirmed or cancelled, or has expired.
 */
export async function confirmImportBatch(
  trx: StoreTrx,
  queue: JobQueue,
  batch: ImportBatch,
  actor: Actor,
  now: Moment,
): Promise<Job> {
  if (batch.jobId !== null) {
    // A preview read by a job: confirmed only once every file has been read.
    const reading = await getJob(trx, batch.jobId);
    if (reading && !isJobFinished(reading.state)) {
      throw new AppError('CONFLICT', '该批文件仍在读取中，请等读取完成、核对预览后再确认');
    }
  }
  if (!(await closePendingImportBatch(trx, batch.id, 'confirmed', now.at.toISOString()))) {
    throw new AppError('CONFLICT', '该批导入已确认或已取消');
  }
  if (now.at.toISOString() > batch.expiresAt) {
    throw new AppError('CONFLICT', '该批导入的预览已过期（24 小时），请重新上传');
  }
  const files = batch.files.map((f) => ({ name: f.name, planned: f }));
  return enqueueFiles(trx, queue, batch, files, actor, now);
}

/** The bytes of each source, or why they could not be read (too large, a zip bomb…). */
async function filesOf(sources: Iterable<ImportSource>): Promise<ImportFileInput[]> {
  const files: ImportFileInput[] = [];
  for (const source of sources) {
    try {
      files.push({ name: source.name, content: await source.read() });
    } catch (error) {
      if (!isAppError(error)) throw error;
      files.push({ name: source.name, refused: error.message });
    }
  }
  return files;
}

/**
 * An upload whose preview is read by a job (the web's import: scans take seconds a page): the
 * batch is saved pending and empty, its files' bytes go into the database, and the job's workers
 * read them (recording each scan's OCR page as they go) and write the preview. Confirmation waits
 * for the job (confirmImportBatch).
 */
export async function enqueuePreviewRead(
  db: StoreDb,
  queue: JobQueue,
  options: ImportOptions,
  sources: Iterable<ImportSource>,
  actor: Actor,
  now: Moment,
): Promise<ImportBatch> {
  const files = await filesOf(sources);
  const { regionId, ...rest } = options;
  const batch = await saveImportBatch(db, regionId, rest, [], actor, now);
  const payload = { batchId: batch.id, regionId, options: rest, files: files.length };
  const job = await db
    .transaction()
    .execute((trx) =>
      enqueueForFiles(
        trx,
        queue,
        batch.id,
        files,
        { kind: readImportPreviewJob, payload, parts: previewParts(files.length) },
        actor,
        now,
      ),
    );
  return { ...batch, jobId: job.id };
}

/**
 * An import without preview: the files' bytes go into the database and the job's workers (on any
 * machine) read, recognise and store them. A file that cannot be read here is recorded as skipped
 * with the reason.
 */
export async function enqueueFileImport(
  db: StoreDb,
  queue: JobQueue,
  options: ImportOptions,
  sources: Iterable<ImportSource>,
  actor: Actor,
  now: Moment,
): Promise<{ job: Job; batchId: string }> {
  const files = await filesOf(sources);
  const { regionId, ...rest } = options;
  const batch = await saveImportBatch(db, regionId, rest, [], actor, now);
  const job = await db.transaction().execute(async (trx) => {
    await closePendingImportBatch(trx, batch.id, 'confirmed', now.at.toISOString());
    return enqueueFiles(trx, queue, batch, files, actor, now);
  });
  return { job, batchId: batch.id };
}
