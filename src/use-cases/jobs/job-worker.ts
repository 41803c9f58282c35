import { momentOf } from '../../core/moment.ts';
import type { StoreDb } from '../../store/dialect.ts';
import type { ReadDocument } from '../../store/imports/import-plan.ts';
import type { JobPart, JobQueue, PartHandlers } from '../../store/jobs/job-queue.ts';
import { failJob, getJob, jobPayload, startJobPart, succeedJob } from '../../store/jobs/jobs.repository.ts';
import type { JobContext } from './job-kind.ts';
import { jobKindOf } from './job-kinds.ts';

export interface WorkerOptions {
  db: StoreDb;
  read: ReadDocument;
  /** The clock of the work itself (dates of stored records; tests pass a fixed one). The job's own bookkeeping uses real time. */
  now?: () => Date;
  /** A line for the operator's log (a part finished, a job failed). */
  log?: (message: string) => void;
}

/** Thrown inside the finishing transaction when another worker finished the job first. */
class AlreadyFinished extends Error {}

/** What a worker process does with the parts it takes: run them with their kind, finish or fail the job. */
export function partHandlers(options: WorkerOptions): PartHandlers {
  const clock = () => new Date();
  const workClock = options.now ?? clock;
  const log = options.log ?? (() => {});
  const contextOf = (jobId: string): JobContext => ({
    db: options.db,
    jobId,
    read: options.read,
    now: () => momentOf(workClock()),
  });

  return {
    async run({ jobId, part }: JobPart) {
      const stored = await jobPayload(options.db, jobId);
      if (!stored) return;
      if (!(await startJobPart(options.db, jobId, clock().toISOString()))) return; // finished or failed
      const kind = jobKindOf(stored.kind);
      const payload = kind.payload.parse(stored.payload);
      const ctx = contextOf(jobId);
      await kind.runPart(ctx, payload, part);
      log(`任务 ${jobId} 第 ${part + 1} 部分完成`);
      if ((await kind.remaining(options.db, payload)) > 0) return;
      try {
        await options.db.transaction().execute(async (trx) => {
          const { result, message } = await kind.finish(trx, payload, ctx);
          if (!(await succeedJob(trx, jobId, result, message, clock().toISOString()))) {
            throw new AlreadyFinished();
          }
        });
        log(`任务 ${jobId} 已完成`);
      } catch (error) {
        if (!(error instanceof AlreadyFinished)) throw error;
      }
    },
    async giveUp({ jobId, part }: JobPart, reason: string) {
      const job = await getJob(options.db, jobId);
      if (!job) return;
      const error = `第 ${part + 1} 部分失败：${reason}`;
      const kind = jobKindOf(job.kind);
      const stored = await jobPayload(options.db, jobId);
      const failedNow = await options.db.transaction().execute(async (trx) => {
        if (!(await failJob(trx, jobId, error, clock().toISOString()))) return false;
        await kind.failed?.(trx, kind.payload.parse(stored!.payload), contextOf(jobId));
        return true;
      });
      if (failedNow) log(`任务 ${jobId} 失败：${error}`);
    },
  };
}

/** Starts taking parts from the queue in this process (until queue.stop()). */
export async function startWorker(queue: JobQueue, options: WorkerOptions): Promise<void> {
  await queue.work(partHandlers(options));
}
