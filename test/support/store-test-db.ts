import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { type DialectName, type OpenedDatabase, openDatabase } from '../../src/store/dialect.ts';
import { migrateToLatest } from '../../src/store/migrations/migrate.ts';

/**
 * One store test suite for every dialect (STYLE.md habit 6): describeEachDialect runs the same
 * tests on SQLite in memory and on PostgreSQL (TEST_DATABASE_URL, each test file in a schema of
 * its own, dropped afterwards). Without a reachable PostgreSQL the PostgreSQL half is skipped
 * with a message — except in CI (CI=true), where that fails the run.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_test';

const shown = (url: string) => url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const pgProblem = await probePostgres();
if (pgProblem !== null) {
  const what = `PostgreSQL at ${shown(TEST_DATABASE_URL)} is unreachable (${pgProblem})`;
  if (process.env.CI === 'true') {
    throw new Error(`${what}. CI must run the store suite on PostgreSQL: .ci/run starts it.`);
  }
  console.warn(
    `\n[store tests] ${what}: the PostgreSQL suites are SKIPPED; only SQLite ran.\n` +
      '  Start one (apt-get install postgresql; pg_ctlcluster 15 main start; see .ci/run) or set TEST_DATABASE_URL.\n',
  );
}

export const postgresAvailable = pgProblem === null;

export interface StoreTestContext {
  readonly dialect: DialectName;
  /** The suite's database, migrated unless `migrate: false`; valid inside tests and hooks. */
  readonly db: Kysely<Database>;
  /** For PostgreSQL, a URL of the same schema: openDatabase(url) is a second instance. */
  readonly url: string;
}

export interface DescribeEachDialectOptions {
  /** Apply the migrations before the tests (default true). */
  migrate?: boolean;
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

class TestDatabase implements StoreTestContext {
  readonly dialect: DialectName;
  #opened: OpenedDatabase | undefined;
  #schema: string | undefined;
  url = 'sqlite::memory:';

  constructor(dialect: DialectName) {
    this.dialect = dialect;
  }

  get db(): Kysely<Database> {
    if (!this.#opened) throw new Error('the test database is open only inside tests and hooks');
    return this.#opened.db;
  }

  async open(migrate: boolean): Promise<void> {
    if (this.dialect === 'postgres') {
      this.#schema = `gk_test_${randomBytes(6).toString('hex')}`;
      await adminQuery(`create schema ${this.#schema}`);
      this.url = withSearchPath(TEST_DATABASE_URL, this.#schema);
    }
    this.#opened = openDatabase(this.url, { poolSize: 12 });
    if (migrate) await migrateToLatest(this.#opened.db);
  }

  async close(): Promise<void> {
    await this.#opened?.close();
    this.#opened = undefined;
    if (this.#schema) await dropSchemas(this.#schema);
  }
}

/** The schema and the job queue's beside it (pg-boss-job-queue.ts: `<schema>_jobs`), if a test used it. */
async function dropSchemas(schema: string): Promise<void> {
  await adminQuery(`drop schema if exists ${schema}_jobs cascade`);
  await adminQuery(`drop schema ${schema} cascade`);
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Defines `name [sqlite]` and `name [postgres]`, each with a fresh database for the whole describe. */
export function describeEachDialect(
  name: string,
  fn: (t: StoreTestContext) => void,
  options: DescribeEachDialectOptions = {},
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe.skipIf(dialect === 'postgres' && !postgresAvailable)(`${name} [${dialect}]`, () => {
      const t = new TestDatabase(dialect);
      beforeAll(() => t.open(options.migrate ?? true), 60_000);
      afterAll(() => t.close(), 60_000);
      fn(t);
    });
  }
}

/** A SQLite file in a fresh temporary folder (for what ':memory:' cannot show: files, processes). */
export function tempSqliteFile(): { url: string; path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-store-'));
  const path = join(dir, 'gongkai.db');
  return { url: `sqlite:${path}`, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh PostgreSQL schema on TEST_DATABASE_URL, for what a describeEachDialect suite cannot
 * show (several server processes on one database): `url` selects it through search_path.
 */
export async function tempPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `gk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  return {
    url: withSearchPath(TEST_DATABASE_URL, schema),
    drop: () => dropSchemas(schema),
  };
}
