import { setTimeout as sleep } from 'node:timers/promises';
import type { StoreDb } from '../dialect.ts';
import type { JobQueue, PartHandlers, QueueSettings } from './job-queue.ts';
import { claimJob, getJob, requeueJob } from './jobs.repository.ts';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The job queue on SQLite: the jobs table itself. A worker takes the oldest queued job (or a
 * running one untouched for expireSeconds: its process died) and runs its parts one after the
 * other, each tried retryLimit more times before the job fails. Parts are idempotent, so a job
 * taken over from a dead process is simply run again.
 */
export function sqliteJobQueue(db: StoreDb, settings: QueueSettings): JobQueue {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loops: Promise<void>[] = [];

  const runJob = async (handlers: PartHandlers, jobId: string) => {
    const job = await getJob(db, jobId);
    if (!job) return;
    for (let part = 0; part < job.parts; part += 1) {
      if (stopped) {
        // Stopping between parts: the next worker (after a restart) takes the job up at once.
        await requeueJob(db, jobId, new Date().toISOString());
        return;
      }
      for (let attempt = 0; ; attempt += 1) {
        try {
          await handlers.run({ jobId, part });
          break;
        } catch (error) {
          if (attempt >= settings.retryLimit) {
            await handlers.giveUp({ jobId, part }, messageOf(error));
            return;
          }
        }
      }
    }
  };

  const loop = async (handlers: PartHandlers) => {
    while (!stopped) {
      const now = new Date();
      const staleBefore = new Date(now.getTime() - settings.expireSeconds * 1000).toISOString();
      const jobId = await claimJob(db, staleBefore, now.toISOString());
      if (jobId) {
        await runJob(handlers, jobId);
        continue;
      }
      const ac = new AbortController();
      wake = () => ac.abort();
      await sleep(settings.pollSeconds * 1000, undefined, { signal: ac.signal }).catch(() => {});
      wake = null;
    }
  };

  return {
    engine: 'sqlite',
    async send() {
      // The queued row is the message; a worker of this process looks as soon as the caller's
      // transaction has committed (or at its next poll).
      setTimeout(() => wake?.(), 20).unref();
    },
    async work(handlers) {
      if (loops.length > 0) return;
      for (let i = 0; i < settings.concurrency; i += 1) loops.push(loop(handlers));
    },
    async stop() {
      stopped = true;
      wake?.();
      await Promise.all(loops);
    },
  };
}
