import type { StoreTrx } from '../dialect.ts';

/** A part of a job handed to a worker. */
export interface JobPart {
  jobId: string;
  part: number;
}

/** What a worker does with the parts it takes. */
export interface PartHandlers {
  /** Runs a part; throwing means it is tried again (another worker may take it), up to the retry limit. */
  run(part: JobPart): Promise<void>;
  /** The part failed for good (its retries exhausted, or its worker died each time): fail the job. */
  giveUp(part: JobPart, reason: string): Promise<void>;
}

export interface QueueSettings {
  /** A part running longer is taken for dead (its worker died) and run again or failed. */
  expireSeconds: number;
  /** Runs of a part after its first (a part is idempotent, so running it again is safe). */
  retryLimit: number;
  /** How often dead parts are looked for (PostgreSQL: pg-boss maintenance). */
  maintenanceSeconds: number;
  /** How often an idle worker looks for work. */
  pollSeconds: number;
  /** Parts one worker process runs at once. */
  concurrency: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  expireSeconds: 15 * 60,
  retryLimit: 2,
  maintenanceSeconds: 60,
  pollSeconds: 2,
  concurrency: 1,
};

/**
 * The queue that hands the parts of jobs to workers: pg-boss on PostgreSQL (any number of worker
 * processes on any number of machines), the jobs table itself on SQLite (workers in processes
 * of one machine). The jobs table (jobs.repository.ts) is what both show.
 */
export interface JobQueue {
  readonly engine: 'pg-boss' | 'sqlite';
  /** Hands out the job's parts once the caller's transaction (which inserted the job) commits. */
  send(trx: StoreTrx, jobId: string, parts: number): Promise<void>;
  /** Starts taking parts in this process (until stop). */
  work(handlers: PartHandlers): Promise<void>;
  /** Stops taking parts and waits for the running ones to end. */
  stop(): Promise<void>;
}
