import type { z } from 'zod';
import type { Moment } from '../../core/moment.ts';
import type { StoreDb, StoreTrx } from '../../store/dialect.ts';
import type { ReadDocument } from '../../store/imports/import-plan.ts';

/** What a part of a job runs with, in whichever worker process took it. */
export interface JobContext {
  db: StoreDb;
  jobId: string;
  /** Reads a document through the worker's reader processes (bounded time and memory per file). */
  read: ReadDocument;
  now(): Moment;
}

/**
 * A kind of job: one file under src/use-cases/<resource>/, listed in job-kinds.ts.
 *
 * A job is split into `parts` at enqueue; workers run parts independently, possibly several
 * times (a worker that died is replaced by another), so `runPart` must be idempotent: each unit
 * of work records its outcome in the transaction that does it, and a part run again skips the
 * units already done (and counts progress with advanceJob in that same transaction).
 */
export interface JobKind<P> {
  readonly kind: string;
  /** Shown in the web and the CLI (Chinese). */
  readonly label: string;
  /** The payload as stored; parsed again by the worker. */
  readonly payload: z.ZodType<P>;
  runPart(ctx: JobContext, payload: P, part: number): Promise<void>;
  /** Units not done yet: 0 when every part has finished. */
  remaining(db: StoreDb, payload: P): Promise<number>;
  /** The job's result once every unit is done, in the transaction that marks it succeeded. */
  finish(trx: StoreTrx, payload: P, ctx: JobContext): Promise<{ result: unknown; message: string }>;
  /** The job failed: record what was done (optional), in the transaction that marks it failed. */
  failed?(trx: StoreTrx, payload: P, ctx: JobContext): Promise<void>;
}

/** A kind whose payload type is no longer known (the registry's view). */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of every payload type.
export type AnyJobKind = JobKind<any>;
