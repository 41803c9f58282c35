import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  type SqliteDatabase as KyselySqliteDatabase,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { AppError } from '../core/errors.ts';
import type { Database } from './database.ts';
import { useNamedStatements } from './named-statements.ts';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/gongkai.db';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | {
      dialect: 'sqlite' /** ':memory:' or a file path as written (relative to the working directory). */;
      filename: string;
    }
  | { dialect: 'postgres'; connectionString: string };

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes the SQLite file or ends the PostgreSQL pool. */
  close(): Promise<void>;
}

/** PostgreSQL's synchronous_commit levels (what a commit waits for before it returns). */
export const SYNCHRONOUS_COMMIT_LEVELS = ['on', 'off', 'local', 'remote_write', 'remote_apply'] as const;
export type SynchronousCommit = (typeof SYNCHRONOUS_COMMIT_LEVELS)[number];

export interface OpenDatabaseOptions {
  /**
   * PostgreSQL: synchronous_commit of every connection; undefined leaves the server's setting.
   * 'off' returns from a commit before its WAL is flushed to disk: a crash of the database server
   * or of the machine (not of the app) can lose the last commits (at most ~3 × wal_writer_delay,
   * 600 ms by default), never corrupt the database or break a transaction in half.
   */
  synchronousCommit?: SynchronousCommit;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** PostgreSQL: how long opening a connection may take before the query fails (default 5000 ms). */
  connectTimeoutMs?: number;
  /** SQLite: how long a writer waits for another process's write lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}

function badUrl(url: string, why: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `数据库地址 DATABASE_URL“${url}”无效：${why}。应为 sqlite:./data/gongkai.db、sqlite::memory: 或 postgres://用户:密码@主机:端口/数据库`,
  );
}

/** Reads DATABASE_URL. Throws AppError('INVALID_INPUT') in Chinese for anything else. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const text = url.trim();
  if (text.startsWith('sqlite:')) {
    let filename = text.slice('sqlite:'.length);
    if (filename.startsWith('//')) filename = filename.slice(2); // sqlite:///abs/path, sqlite://./rel
    if (filename === '') throw badUrl(url, 'SQLite 地址缺少文件路径');
    if (filename.includes('\0')) throw badUrl(url, '文件路径含有非法字符');
    return { dialect: 'sqlite', filename };
  }
  if (text.startsWith('postgres://') || text.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw badUrl(url, '无法解析 PostgreSQL 连接地址');
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) throw badUrl(url, '缺少主机名');
    return { dialect: 'postgres', connectionString: text };
  }
  throw badUrl(url, '只支持 sqlite: 和 postgres:// 两种地址');
}

/**
 * Opens the store named by a DATABASE_URL. The SQLite file (and its folder, e.g. ./data/) is
 * created when missing; migrations are not applied here (see migrateToLatest).
 */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') return openSqlite(target.filename, options);
  return openPostgres(target.connectionString, options);
}

function openSqlite(filename: string, options: OpenDatabaseOptions): OpenedDatabase {
  const memory = filename === ':memory:';
  const path = memory ? filename : resolve(filename);
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(path);
  } catch (error) {
    throw new AppError('FILE_UNREADABLE', `无法打开 SQLite 数据库文件“${path}”：${(error as Error).message}`);
  }
  // WAL: readers never block the writer and a commit is one append to the -wal file.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // NORMAL in WAL mode syncs the WAL at checkpoints, not at every commit. A commit that returned
  // is in the -wal file, i.e. in the OS page cache, so it survives the process being killed
  // (kill -9, crash): the next open replays the WAL. Only a power loss or kernel crash can lose
  // the last commits (never corrupt the file); FULL would add an fsync per commit for that case.
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: pages written again and again (table tails,
  // counters, index roots) are copied back to the database once per checkpoint, and there are
  // ten times fewer syncs. Readers see the WAL either way.
  sqlite.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Distinct SQL texts whose prepared statements are kept (the app issues a few dozen). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements reused by SQL text
 * (least recently used dropped first): the driver prepares every query anew, which costs about as
 * much as running it. Safe because the driver runs a statement to completion synchronously
 * (all/run) before the next one — gongkai never streams from SQLite (iterate) — and SQLite
 * re-prepares a cached statement by itself after a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (text: string) => {
      const cached = cache.get(text);
      if (cached) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

/**
 * SQLite with two changes to Kysely's dialect:
 * - transactions start with BEGIN IMMEDIATE, which takes the database's write lock at once. A
 *   deferred BEGIN that reads and then writes fails with SQLITE_BUSY (without waiting) when
 *   another process wrote in between; IMMEDIATE makes it wait (busy_timeout) instead, so several
 *   processes on one file serialise their write transactions;
 * - migrations run inside a transaction (SQLite's DDL is transactional): a failed migration
 *   leaves nothing half-done, and two processes starting together apply each migration once.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** int8 (count(*), bigint columns) as a JS number; refuses values a number cannot hold exactly. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new AppError('INTERNAL', `数据库返回的整数 ${text} 超出可精确表示的范围`);
  return n;
}

/** How long a request waits for a free pooled connection before it is answered 503. */
const POOL_WAIT_MS = 60_000;

function openPostgres(connectionString: string, options: OpenDatabaseOptions): OpenedDatabase {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    // While the database is unreachable a request fails after connectTimeoutMs (503) instead of
    // hanging: the timeout of opening a connection, the client's own. pg-pool applies its own
    // timeout to waiting for a free connection too, so it is longer: a burst of more requests than
    // connections waits its turn while the database is merely busy, yet a request never waits
    // without end behind connections held by stuck queries.
    Client: clientWithConnectTimeout(connectTimeoutMs),
    connectionTimeoutMillis: Math.max(connectTimeoutMs, POOL_WAIT_MS),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8 ? parseInt8 : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  // An idle client that loses its connection (server restart) emits 'error' on the pool; pg has
  // already dropped that client and the next query opens a new one. Without a listener Node
  // would end the process.
  pool.on('error', () => {});
  // A client checked out of the pool (between the queries of a transaction, or in Kysely's hands)
  // that loses its connection emits 'error' on itself, where the pool does not listen: without this
  // listener a PostgreSQL restart or pg_terminate_backend would end the whole process. The query in
  // flight fails on its own (503 DATABASE_UNAVAILABLE), and the broken client is dropped on release.
  const { synchronousCommit } = options;
  pool.on('connect', (client) => {
    client.on('error', () => {});
    useNamedStatements(client);
    // Queued on the new client before any query of the caller who gets it.
    if (synchronousCommit) void client.query(`set synchronous_commit = ${synchronousCommit}`).catch(() => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** pg's client, each opening of a connection given up after `ms` (the pool passes its own config). */
function clientWithConnectTimeout(ms: number): new () => pg.Client {
  return class extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: ms });
    }
  };
}

/** Which dialect a Kysely instance (or transaction) talks to. */
export function dialectOf(db: { getExecutor(): { readonly adapter: DialectAdapter } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The handle outer layers pass to repository functions (they never import the query builder). */
export type StoreDb = Kysely<Database>;

/** A transaction on the store: what a use-case that writes takes as its first parameter. */
export type StoreTrx = Transaction<Database>;
