import { existsSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresAvailable, TEST_DATABASE_URL, tempSqliteFile } from '../../test/support/store-test-db.ts';
import { isAppError } from '../core/errors.ts';
import { isDatabaseUnavailable } from './db-errors.ts';
import { openDatabase, parseDatabaseUrl } from './dialect.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('parseDatabaseUrl', () => {
  it('reads the SQLite forms and the PostgreSQL URLs', () => {
    expect(parseDatabaseUrl('sqlite:./data/gongkai.db')).toEqual({
      dialect: 'sqlite',
      filename: './data/gongkai.db',
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', filename: ':memory:' });
    expect(parseDatabaseUrl('sqlite:///var/lib/gongkai.db')).toEqual({
      dialect: 'sqlite',
      filename: '/var/lib/gongkai.db',
    });
    expect(parseDatabaseUrl('postgres://u:p@db.example:5432/gongkai')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://u:p@db.example:5432/gongkai',
    });
    expect(parseDatabaseUrl('postgresql://u@localhost/g').dialect).toBe('postgres');
  });

  it('refuses other schemes, an empty path and a broken URL with INVALID_INPUT in Chinese', () => {
    for (const url of ['mysql://x/y', 'sqlite:', 'data/gongkai.db', '', 'postgres://', 'postgres://[::1']) {
      expect(
        codeOf(() => parseDatabaseUrl(url)),
        url,
      ).toBe('INVALID_INPUT');
    }
    expect(() => parseDatabaseUrl('mysql://x/y')).toThrow('数据库地址');
  });
});

describe('openDatabase', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('creates the folder and the file, in WAL mode with foreign keys on and synchronous NORMAL', async () => {
    const temp = tempSqliteFile();
    cleanup = temp.cleanup;
    const nested = join(temp.path, '..', 'nested', 'dir', 'gongkai.db');
    const { db, dialect, close } = openDatabase(`sqlite:${nested}`);
    try {
      expect(dialect).toBe('sqlite');
      expect(existsSync(nested)).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('synchronous')).toBe(1); // NORMAL
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('wal_autocheckpoint')).toBe(10000);
    } finally {
      await close();
    }
  });

  it('keeps what was committed once the file is reopened', async () => {
    const temp = tempSqliteFile();
    cleanup = temp.cleanup;
    const first = openDatabase(temp.url);
    await sql`create table t (x integer)`.execute(first.db);
    await first.db.transaction().execute((trx) => sql`insert into t values (42)`.execute(trx));
    await first.close();
    const second = openDatabase(temp.url);
    const { rows } = await sql<{ x: number }>`select x from t`.execute(second.db);
    await second.close();
    expect(rows).toEqual([{ x: 42 }]);
  });
});

describe('openDatabase on SQLite reuses prepared statements', () => {
  it('answers each of more distinct queries than it keeps, and again after a schema change', async () => {
    const { db, close } = openDatabase('sqlite::memory:');
    try {
      await sql`create table t (a integer)`.execute(db);
      await sql`insert into t (a) values (1), (2), (3)`.execute(db);
      // 700 distinct texts (more than the cache holds), each run twice, with random parameters.
      for (let round = 0; round < 2; round += 1) {
        for (let i = 0; i < 700; i += 1) {
          const k = Math.floor(Math.random() * 4);
          const { rows } = await sql<{
            n: number;
          }>`select count(*) + ${sql.lit(i)} as n from t where a <= ${k}`.execute(db);
          expect(rows[0]!.n).toBe(Math.min(k, 3) + i);
        }
      }
      const before = await sql<Record<string, unknown>>`select * from t order by a`.execute(db);
      expect(Object.keys(before.rows[0]!)).toEqual(['a']);
      await sql`alter table t add column b text default 'x'`.execute(db);
      const after = await sql<Record<string, unknown>>`select * from t order by a`.execute(db);
      expect(after.rows[0]).toEqual({ a: 1, b: 'x' });
    } finally {
      await close();
    }
  });
});

describe.runIf(postgresAvailable)('openDatabase on PostgreSQL', () => {
  it('sets synchronous_commit on each connection when asked, and leaves the server’s setting otherwise', async () => {
    const server = openDatabase(TEST_DATABASE_URL);
    const off = openDatabase(TEST_DATABASE_URL, { synchronousCommit: 'off' });
    try {
      const level = async (db: typeof server.db) =>
        (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db)).rows[0]!
          .synchronous_commit;
      const serverLevel = await level(server.db);
      expect(await level(off.db)).toBe('off');
      // Every connection of the pool, not only the first.
      const levels = await Promise.all(
        Array.from({ length: 4 }, () => off.db.transaction().execute((trx) => level(trx))),
      );
      expect(levels).toEqual(['off', 'off', 'off', 'off']);
      expect(serverLevel).not.toBe('off');
    } finally {
      await Promise.all([server.close(), off.close()]);
    }
  });
});

describe('openDatabase on PostgreSQL: the connect timeout', () => {
  it('gives up opening a connection to a server that never answers, as “database unavailable”', async () => {
    // Accepts the TCP connection and never says a word (a hung server, a black-holing proxy).
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    const { db, close } = openDatabase(`postgres://nobody:secret@127.0.0.1:${port}/none`, {
      connectTimeoutMs: 300,
    });
    try {
      const error = await sql`select 1`.execute(db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await close();
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });

  it.runIf(postgresAvailable)(
    'lets a query wait for a busy pool longer than the connect timeout (busy is not unavailable)',
    async () => {
      const { db, close } = openDatabase(TEST_DATABASE_URL, { poolSize: 1, connectTimeoutMs: 2000 });
      try {
        await sql`select 1`.execute(db);
        // The pool's one connection is busy for longer than the connect timeout; the second query
        // waits its turn for it instead of failing (pg-pool's own timeout would fail it at 2 s).
        const busy = sql`select pg_sleep(3)`.execute(db);
        const waiting = sql<{ n: number }>`select 2 as n`.execute(db);
        await busy;
        expect((await waiting).rows).toEqual([{ n: 2 }]);
      } finally {
        await close();
      }
    },
    30_000,
  );
});
