import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export interface ClaimOptions {
  task: string;
  /** The period to run the task for, sortable as text ('2026-12-07', or an ISO instant). */
  period: string;
  /** Who claims (the instance's id), kept for the operator. */
  instance: string;
  now: Date;
}

/**
 * Claims `task` for `period`: true for exactly one caller across every instance sharing the
 * database, and only when no one claimed this or a later period before. One atomic
 * INSERT … ON CONFLICT DO UPDATE … WHERE on both engines: on PostgreSQL a concurrent claimer waits
 * for the row lock and then finds the period taken; SQLite has one writer at a time.
 */
export async function claimScheduledRun(db: Kysely<Database>, options: ClaimOptions): Promise<boolean> {
  const row = await db
    .insertInto('scheduled_runs')
    .values({
      task: options.task,
      last_period: options.period,
      claimed_at: options.now.toISOString(),
      claimed_by: options.instance,
    })
    .onConflict((oc) =>
      oc
        .column('task')
        .doUpdateSet((eb) => ({
          last_period: eb.ref('excluded.last_period'),
          claimed_at: eb.ref('excluded.claimed_at'),
          claimed_by: eb.ref('excluded.claimed_by'),
        }))
        .where('scheduled_runs.last_period', '<', options.period),
    )
    .returning('task')
    .executeTakeFirst();
  return row !== undefined;
}
