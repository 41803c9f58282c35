import type { FastifyInstance } from 'fastify';
import { IngestWorker } from '../../documents/ingest/ingest-pool.ts';
import type { OpenedDatabase } from '../../store/dialect.ts';
import type { JobQueue } from '../../store/jobs/job-queue.ts';
import { openJobQueue } from '../../store/jobs/open-job-queue.ts';
import { startWorker } from '../../use-cases/jobs/job-worker.ts';
import { readerOptions } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue, opened at the first use (an enqueue) or when the server starts listening. */
    jobQueue(): Promise<JobQueue>;
  }
}

/**
 * The job queue of the app, and (JOBS_WORKER=true, the default) a worker of its own, so that one
 * server alone does its imports; dedicated `gongkai worker` processes share the work with it.
 * Opened lazily so that an app that never runs a job (most tests) never touches pg-boss, and at
 * start-up of a listening server, so that jobs left by a previous run are taken up again.
 */
export function registerJobs(app: FastifyInstance, database: OpenedDatabase): void {
  let opening: Promise<JobQueue> | null = null;
  let reader: IngestWorker | null = null;
  const open = async (): Promise<JobQueue> => {
    const queue = await openJobQueue(database, app.config.databaseUrl, app.config.jobQueue, (message) =>
      app.log.warn(message),
    );
    if (app.config.jobWorker) {
      reader = new IngestWorker({ ...readerOptions(app.config), concurrency: 1 });
      await startWorker(queue, {
        db: database.db,
        read: (bytes, name, onPage) => reader!.read(bytes, name, onPage),
        now: () => app.now(),
        log: (message) => app.log.info(message),
      });
    }
    return queue;
  };
  app.decorate('jobQueue', () => {
    opening ??= open();
    return opening;
  });
  app.addHook('onListen', async () => {
    await app.jobQueue();
  });
  app.addHook('onClose', async () => {
    if (opening) await (await opening).stop();
    await reader?.close();
  });
}
