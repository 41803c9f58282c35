import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../audit/audit.repository.ts';
import type { Database } from '../database.ts';
import type { ImportOptions, PlannedFile } from './import-plan.ts';
import type { ImportSummary } from './imported-reports.ts';

/** How long an unconfirmed preview can be confirmed. */
export const IMPORT_BATCH_TTL_MS = 24 * 60 * 60 * 1000;

export interface ImportBatch {
  id: string;
  regionId: string;
  status: 'pending' | 'confirmed' | 'cancelled';
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  options: Omit<ImportOptions, 'regionId'>;
  files: PlannedFile[];
  summary: ImportSummary | null;
  /**
   * The job storing the confirmed batch's files; while pending, the job reading its preview (a
   * preview read in the request has none); null for batches confirmed before jobs.
   */
  jobId: string | null;
}

/** How long after its expiry an unconfirmed preview (or after its cancellation) is kept before it is purged. */
export const IMPORT_BATCH_PURGE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes previews that can no longer be confirmed: pending ones expired a day ago or more, and
 * ones cancelled a day ago or more. They hold every parsed report of an upload, so they would
 * otherwise grow the database with each abandoned import. Confirmed batches stay (their summary
 * is the record of what was imported). Returns how many were deleted.
 */
export async function purgeStaleImportBatches(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IMPORT_BATCH_PURGE_AFTER_MS).toISOString();
  const result = await db
    .deleteFrom('import_batches')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', before)]),
        eb.and([eb('status', '=', 'cancelled'), eb('updated_at', '<=', before)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Keeps a preview until the user confirms it (the API's two-step import); purges stale ones first. */
export async function saveImportBatch(
  db: Kysely<Database>,
  regionId: string,
  options: Omit<ImportOptions, 'regionId'>,
  files: PlannedFile[],
  actor: Actor,
  now: Moment,
): Promise<ImportBatch> {
  const batch: ImportBatch = {
    id: randomUUID(),
    regionId,
    status: 'pending',
    createdBy: actor.userId,
    createdAt: now.at.toISOString(),
    expiresAt: new Date(now.at.getTime() + IMPORT_BATCH_TTL_MS).toISOString(),
    options,
    files,
    summary: null,
    jobId: null,
  };
  await purgeStaleImportBatches(db, now.at);
  await db
    .insertInto('import_batches')
    .values({
      id: batch.id,
      region_id: regionId,
      status: 'pending',
      plan_json: JSON.stringify({ options, files }),
      summary_json: null,
      job_id: null,
      created_by: actor.userId,
      created_at: batch.createdAt,
      expires_at: batch.expiresAt,
      updated_at: batch.createdAt,
    })
    .execute();
  return batch;
}

export async function getImportBatch(db: Kysely<Database>, id: string): Promise<ImportBatch | null> {
  const row = await db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const plan = JSON.parse(row.plan_json) as { options: ImportBatch['options']; files: PlannedFile[] };
  return {
    id: row.id,
    regionId: row.region_id,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    options: plan.options,
    files: plan.files,
    summary: row.summary_json ? (JSON.parse(row.summary_json) as ImportSummary) : null,
    jobId: row.job_id,
  };
}

/**
 * Moves a pending preview to `status`; false when it is no longer pending (already confirmed or
 * cancelled). Taking the row first serialises two confirmations of the same batch.
 */
export async function closePendingImportBatch(
  trx: Transaction<Database>,
  id: string,
  status: 'confirmed' | 'cancelled',
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('import_batches')
    .set({ status, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The preview read by a job (readImportPreviewJob): its files, once every one is read. */
export async function saveImportBatchFiles(
  trx: Transaction<Database>,
  id: string,
  options: ImportBatch['options'],
  files: PlannedFile[],
): Promise<void> {
  await trx
    .updateTable('import_batches')
    .set({ plan_json: JSON.stringify({ options, files }) })
    .where('id', '=', id)
    .execute();
}

/** The job that reads a batch's preview (while pending) or stores a confirmed batch's files. */
export async function attachImportJob(trx: Transaction<Database>, id: string, jobId: string): Promise<void> {
  await trx.updateTable('import_batches').set({ job_id: jobId }).where('id', '=', id).execute();
}

/** Keeps what a confirmed batch imported (its record of the import). */
export async function saveImportSummary(
  trx: Transaction<Database>,
  id: string,
  summary: ImportSummary,
): Promise<void> {
  await trx
    .updateTable('import_batches')
    .set({ summary_json: JSON.stringify(summary) })
    .where('id', '=', id)
    .execute();
}
