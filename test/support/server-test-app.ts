import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { StoreTestContext } from './store-test-db.ts';

/** A clock the test moves by hand: pass `clock.now` to the app. */
export class TestClock {
  at: Date;

  constructor(iso: string) {
    this.at = new Date(iso);
  }

  readonly now = (): Date => this.at;

  /** Sets the clock to `iso`, or to 10:00 Beijing time of a YYYY-MM-DD day. */
  set(iso: string): void {
    this.at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T10:00:00+08:00` : iso);
  }
}

export interface ServerTestAppOptions {
  /** The database of a describeEachDialect suite; default a fresh SQLite in memory. */
  store?: StoreTestContext;
  now?: () => Date;
  env?: Record<string, string>;
}

/**
 * An app for `inject` tests: quiet, no delay on failed logins, on the suite's database (SQLite or
 * PostgreSQL) or a fresh in-memory SQLite. Close it after the tests.
 */
export async function buildServerTestApp(options: ServerTestAppOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig({
    // The suite's own URL: the job queue of a PostgreSQL suite (pg-boss) connects with it.
    DATABASE_URL: options.store?.url ?? 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    LOGIN_FAILURE_DELAY_MS: '0',
    ...options.env,
  });
  const store = options.store;
  return buildApp({
    config,
    ...(store ? { database: { db: store.db, dialect: store.dialect, close: async () => {} } } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

/** The session cookie a response set, as a Cookie request header ('' when none). */
export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'gongkai_session');
  return cookie ? `gongkai_session=${cookie.value}` : '';
}
