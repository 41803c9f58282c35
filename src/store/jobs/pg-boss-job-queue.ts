import { CompiledQuery, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { StoreDb, StoreTrx } from '../dialect.ts';
import type { JobPart, JobQueue, PartHandlers, QueueSettings } from './job-queue.ts';

/** pg-boss queue of job parts, and where a part goes when it failed for good. */
const PARTS = 'gongkai-job-parts';
const GIVEN_UP = 'gongkai-job-parts-failed';

/**
 * pg-boss keeps its tables in a schema of its own, beside the application's: `gongkai_jobs` for a
 * database in `public`, `<schema>_jobs` otherwise (one per test schema).
 */
export async function bossSchemaOf(db: StoreDb): Promise<string> {
  const row = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0];
  const current = row?.schema ?? 'public';
  return current === 'public' ? 'gongkai_jobs' : `${current}_jobs`;
}

/** pg-boss's statements run on the caller's transaction (so a job and its parts commit together). */
function onTransaction(trx: StoreTrx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The job queue on PostgreSQL: pg-boss 10 (SKIP LOCKED fetch, retries, expiry of parts whose worker
 * died, a dead-letter queue for parts that failed for good). Any number of processes on any
 * number of machines take parts; `log` receives pg-boss's own errors (lost connections…), which
 * it retries by itself.
 */
export async function openPgBossJobQueue(
  db: StoreDb,
  connectionString: string,
  settings: QueueSettings,
  log: (message: string) => void,
): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString,
    schema: await bossSchemaOf(db),
    max: Math.max(2, settings.concurrency + 1),
    application_name: 'gongkai-jobs',
    supervise: true,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error) => log(`任务队列错误：${messageOf(error)}`));
  await boss.start();
  await boss.createQueue(GIVEN_UP, { name: GIVEN_UP });
  await boss.createQueue(PARTS, { name: PARTS, deadLetter: GIVEN_UP });
  const workers: string[] = [];

  return {
    engine: 'pg-boss',
    async send(trx, jobId, parts) {
      const jobs: PgBoss.JobInsert[] = Array.from({ length: parts }, (_, part) => ({
        name: PARTS,
        data: { jobId, part } satisfies JobPart,
        retryLimit: settings.retryLimit,
        retryDelay: 1,
        expireInSeconds: settings.expireSeconds,
        deadLetter: GIVEN_UP,
      }));
      for (let i = 0; i < jobs.length; i += 500) {
        await boss.insert(jobs.slice(i, i + 500), { db: onTransaction(trx) });
      }
      // This process's workers look at once, after the caller's commit (others at their next poll).
      setTimeout(() => {
        for (const id of workers) boss.notifyWorker(id);
      }, 50).unref();
    },
    async work(handlers: PartHandlers) {
      if (workers.length > 0) return;
      const options = {
        batchSize: 1,
        includeMetadata: true,
        pollingIntervalSeconds: settings.pollSeconds,
      } as const;
      for (let i = 0; i < settings.concurrency; i += 1) {
        let id: string | undefined;
        id = await boss.work<JobPart>(PARTS, options, async ([job]) => {
          if (!job) return;
          try {
            await handlers.run(job.data);
            // Look for the next part at once: pg-boss would otherwise wait out the polling
            // interval after every part, whatever work is waiting.
            if (id) boss.notifyWorker(id);
          } catch (error) {
            // The last try: the job fails with the part's own reason (the dead letter comes after).
            if (job.retryCount >= job.retryLimit) await handlers.giveUp(job.data, messageOf(error));
            throw error;
          }
        });
        workers.push(id);
      }
      await boss.work<JobPart>(GIVEN_UP, options, async ([job]) => {
        if (job)
          await handlers.giveUp(
            job.data,
            `第 ${job.data.part + 1} 部分多次重试仍未完成（工作进程中断或超时）`,
          );
      });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
