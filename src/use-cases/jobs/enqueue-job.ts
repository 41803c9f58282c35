import { randomUUID } from 'node:crypto';
import type { Job } from '../../core/jobs/job.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { JobQueue } from '../../store/jobs/job-queue.ts';
import { insertJob } from '../../store/jobs/jobs.repository.ts';
import type { JobKind } from './job-kind.ts';

export interface EnqueueOptions {
  /** Independent parts (each run by one worker). */
  parts: number;
  /** Units of work, for progress (done/total). */
  total: number;
  actor: Actor;
  now: Moment;
}

/**
 * Enqueues a job of `kind` in the caller's transaction: the job row and its parts commit
 * together with whatever the caller wrote (e.g. the files to import), or not at all.
 */
export async function enqueueJob<P>(
  trx: StoreTrx,
  queue: JobQueue,
  kind: JobKind<P>,
  payload: P,
  options: EnqueueOptions,
): Promise<Job> {
  const job = await insertJob(trx, {
    id: randomUUID(),
    kind: kind.kind,
    payload: kind.payload.parse(payload),
    parts: options.parts,
    total: options.total,
    message: '等待工作进程处理',
    createdBy: options.actor.userId,
    at: options.now.at.toISOString(),
  });
  await queue.send(trx, job.id, options.parts);
  return job;
}
