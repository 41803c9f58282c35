import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from '../core/jobs/job.ts';
import { isJobFinished } from '../core/jobs/job.ts';
import { type JobsConfig, loadJobsConfig } from '../server/config.ts';
import type { OpenedDatabase } from '../store/dialect.ts';
import type { JobQueue } from '../store/jobs/job-queue.ts';
import { getJob } from '../store/jobs/jobs.repository.ts';
import { openJobQueue } from '../store/jobs/open-job-queue.ts';
import { configOrUsageError } from './exit.ts';
import { Progress } from './progress.ts';

/** JOBS_* settings, parsed by the server configuration's own schema; a bad value is a usage error. */
export function jobsConfig(env: Record<string, string | undefined> = process.env): JobsConfig {
  return configOrUsageError(() => loadJobsConfig(env));
}

/** The job queue of the database a command opened (pg-boss on PostgreSQL, the jobs table on SQLite). */
export function cliJobQueue(opened: OpenedDatabase, url: string, config = jobsConfig()): Promise<JobQueue> {
  return openJobQueue(opened, url, config.jobQueue, (message) =>
    process.stderr.write(`gongkai: ${message}\n`),
  );
}

/** Waits for a job to finish, with a progress bar of its units on a terminal. */
export async function waitForJob(opened: OpenedDatabase, jobId: string, pollMs = 300): Promise<Job> {
  let progress: Progress | null = null;
  try {
    for (;;) {
      const job = await getJob(opened.db, jobId);
      if (!job) throw new Error(`job ${jobId} vanished`);
      progress ??= new Progress(job.total);
      progress.tick(job.done, job.message ?? '');
      if (isJobFinished(job.state)) return job;
      await sleep(pollMs);
    }
  } finally {
    progress?.done();
  }
}
