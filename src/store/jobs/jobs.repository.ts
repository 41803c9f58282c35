import { type Kysely, sql, type Transaction } from 'kysely';
import type { Job } from '../../core/jobs/job.ts';
import type { Database, JobsTable } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

function rowToJob(row: JobsTable): Job {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    done: Number(row.done),
    total: Number(row.total),
    message: row.message,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
    error: row.error,
    parts: Number(row.parts),
    attempts: Number(row.attempts),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

export interface NewJob {
  id: string;
  kind: string;
  payload: unknown;
  parts: number;
  total: number;
  message: string | null;
  createdBy: string | null;
  at: string;
}

export async function insertJob(db: Db, job: NewJob): Promise<Job> {
  const row: JobsTable = {
    id: job.id,
    kind: job.kind,
    state: 'queued',
    payload_json: JSON.stringify(job.payload),
    parts: job.parts,
    done: 0,
    total: job.total,
    message: job.message,
    result_json: null,
    error: null,
    attempts: 0,
    created_by: job.createdBy,
    created_at: job.at,
    updated_at: job.at,
    finished_at: null,
  };
  await db.insertInto('jobs').values(row).execute();
  return rowToJob(row);
}

export async function getJob(db: Db, id: string): Promise<Job | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToJob(row) : null;
}

/** A job's payload as stored (the kind parses it). */
export async function jobPayload(db: Db, id: string): Promise<{ kind: string; payload: unknown } | null> {
  const row = await db
    .selectFrom('jobs')
    .select(['kind', 'payload_json'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { kind: row.kind, payload: JSON.parse(row.payload_json) as unknown } : null;
}

/** The newest jobs first, `limit` of them (at most 500). */
export async function listJobs(db: Db, options: { limit?: number } = {}): Promise<Job[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(Math.min(Math.max(options.limit ?? 50, 1), 500))
    .execute();
  return rows.map(rowToJob);
}

/**
 * A part starts: the job is running (unless it already finished: then false, and the part does
 * nothing), one more attempt counted.
 */
export async function startJobPart(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'running', attempts: sql`attempts + 1`, updated_at: at })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** `units` more done, in the transaction that did them (so progress counts each unit once). */
export async function advanceJob(
  trx: Db,
  id: string,
  units: number,
  message: string | null,
  at: string,
): Promise<void> {
  await trx
    .updateTable('jobs')
    .set({ done: sql`done + ${units}`, message, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** What the job is doing, without progress (e.g. 正在读取第 3 部分). */
export async function noteJob(db: Db, id: string, message: string, at: string): Promise<void> {
  await db.updateTable('jobs').set({ message, updated_at: at }).where('id', '=', id).execute();
}

/**
 * The job succeeded, with its result: true for the one caller that moved it (when the last two
 * parts end together, both may try; the row lock lets one through).
 */
export async function succeedJob(
  trx: Db,
  id: string,
  result: unknown,
  message: string,
  at: string,
): Promise<boolean> {
  const done = await trx
    .updateTable('jobs')
    .set({
      state: 'succeeded',
      result_json: JSON.stringify(result),
      message,
      updated_at: at,
      finished_at: at,
    })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Fails a job that has not finished; false when it had (a late duplicate report of a failure). */
export async function failJob(db: Db, id: string, error: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'failed', error, updated_at: at, finished_at: at })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A running job handed back to the queue (its process stops before its last part): taken up at once by the next worker. */
export async function requeueJob(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'queued', updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

/**
 * SQLite's queue: takes the oldest job that is queued, or running but untouched since
 * `staleBefore` (its process died), for this process. Compare-and-set on updated_at, so two
 * processes on one file never take the same job.
 */
export async function claimJob(
  db: Kysely<Database>,
  staleBefore: string,
  at: string,
): Promise<string | null> {
  for (let tries = 0; tries < 5; tries += 1) {
    const row = await db
      .selectFrom('jobs')
      .select(['id', 'updated_at'])
      .where((eb) =>
        eb.or([
          eb('state', '=', 'queued'),
          eb.and([eb('state', '=', 'running'), eb('updated_at', '<', staleBefore)]),
        ]),
      )
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    const taken = await db
      .updateTable('jobs')
      .set({ state: 'running', updated_at: at })
      .where('id', '=', row.id)
      .where('updated_at', '=', row.updated_at)
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return row.id;
  }
  return null;
}
