import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.ts';

/**
 * Rate-limit counters in the database, so that every instance of the server counts the same hits
 * (issue 19 item 2). A counter counts the hits of one subject in one bucket within a fixed window
 * that starts at its first hit; once the window has ended the next hit starts a new one. Rows of
 * ended windows count nothing and are removed by deleteExpiredCounters.
 */
export interface CounterState {
  hits: number;
  /** When the window ends: the subject's hits are forgotten then. */
  windowEndsAt: Date;
}

export interface CountHitOptions {
  bucket: string;
  subject: string;
  windowMs: number;
  now: Date;
}

/** The counter after one more hit: counted in its live window, or the first of a new one ending `freshEnd`. */
function nextHit(now: string, freshEnd: string) {
  return {
    hits: sql<number>`case when rate_limit_counters.window_ends_at > ${now} then rate_limit_counters.hits + 1 else 1 end`,
    window_ends_at: sql<string>`case when rate_limit_counters.window_ends_at > ${now} then rate_limit_counters.window_ends_at else ${freshEnd} end`,
  };
}

/**
 * Counts one hit, atomically on both engines (one INSERT … ON CONFLICT DO UPDATE: concurrent hits
 * from several instances are all counted). Returns the counter after this hit.
 */
export async function countHit(db: Kysely<Database>, options: CountHitOptions): Promise<CounterState> {
  const now = options.now.toISOString();
  const freshEnd = new Date(options.now.getTime() + options.windowMs).toISOString();
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ bucket: options.bucket, subject: options.subject, hits: 1, window_ends_at: freshEnd })
    .onConflict((oc) => oc.columns(['bucket', 'subject']).doUpdateSet(nextHit(now, freshEnd)))
    .returning(['hits', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) };
}

export interface TakeHitOptions extends CountHitOptions {
  /** Most hits of the subject within one window. */
  limit: number;
}

/**
 * Checks and counts one hit in one statement, atomically on both engines: the hit is counted only
 * when the subject has fewer than `limit` hits in its live window (or its window has ended, which
 * starts a new one). One INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING: the row is locked by
 * the upsert (PostgreSQL) or the database by the write (SQLite), so however many requests arrive
 * at once, from however many instances, at most `limit` are counted — none is checked against a
 * count that another has not yet added to. Returns the counter after this hit, or null when the
 * hit was refused (not counted).
 */
export async function takeHit(db: Kysely<Database>, options: TakeHitOptions): Promise<CounterState | null> {
  const now = options.now.toISOString();
  const freshEnd = new Date(options.now.getTime() + options.windowMs).toISOString();
  const row = await db
    .insertInto('rate_limit_counters')
    .values({ bucket: options.bucket, subject: options.subject, hits: 1, window_ends_at: freshEnd })
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'subject'])
        .doUpdateSet(nextHit(now, freshEnd))
        .where((eb) =>
          eb.or([
            eb('rate_limit_counters.window_ends_at', '<=', now),
            eb('rate_limit_counters.hits', '<', options.limit),
          ]),
        ),
    )
    .returning(['hits', 'window_ends_at'])
    .executeTakeFirst();
  return row ? { hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) } : null;
}

/** Uncounts one hit taken by takeHit that turned out not to count (e.g. a login that succeeded). */
export async function releaseHit(db: Kysely<Database>, bucket: string, subject: string): Promise<void> {
  await db
    .updateTable('rate_limit_counters')
    .set({ hits: sql<number>`hits - 1` })
    .where('bucket', '=', bucket)
    .where('subject', '=', subject)
    .where('hits', '>', 0)
    .execute();
}

/** The live counter of a subject at `now`; null when it has none or its window has ended. */
export async function readCounter(
  db: Kysely<Database>,
  bucket: string,
  subject: string,
  now: Date,
): Promise<CounterState | null> {
  const row = await db
    .selectFrom('rate_limit_counters')
    .select(['hits', 'window_ends_at'])
    .where('bucket', '=', bucket)
    .where('subject', '=', subject)
    .where('window_ends_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) } : null;
}

/** The live counters of a bucket with at least `hits` hits at `now`, by subject. */
export async function countersAtLeast(
  db: Kysely<Database>,
  bucket: string,
  hits: number,
  now: Date,
): Promise<Map<string, CounterState>> {
  const rows = await db
    .selectFrom('rate_limit_counters')
    .select(['subject', 'hits', 'window_ends_at'])
    .where('bucket', '=', bucket)
    .where('hits', '>=', hits)
    .where('window_ends_at', '>', now.toISOString())
    .execute();
  return new Map(
    rows.map((row) => [row.subject, { hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) }]),
  );
}

/** Forgets a subject's hits (e.g. a successful login). */
export async function clearCounter(db: Kysely<Database>, bucket: string, subject: string): Promise<void> {
  await db
    .deleteFrom('rate_limit_counters')
    .where('bucket', '=', bucket)
    .where('subject', '=', subject)
    .execute();
}

/** Housekeeping: removes the counters whose window has ended at `now`. Returns how many. */
export async function deleteExpiredCounters(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_counters')
    .where('window_ends_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
