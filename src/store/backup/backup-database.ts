import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { openDatabase, parseDatabaseUrl } from '../dialect.ts';

/**
 * Backups that restore (issue 19 item 5). SQLite: the online backup API of better-sqlite3, a
 * consistent copy taken while the server keeps writing. PostgreSQL: pg_dump in its custom format
 * (-Fc) and pg_restore, the PostgreSQL client programs, which must be installed (same major
 * version as the server or newer). A restore goes into a fresh database only: it never merges into
 * or overwrites one that holds gongkai's tables.
 */
export interface BackupOutcome {
  engine: 'sqlite' | 'postgres';
  /** The backup file, absolute. */
  file: string;
  bytes: number;
}

function refuseExisting(file: string): string {
  const path = resolve(file);
  if (existsSync(path)) {
    throw new AppError('INVALID_INPUT', `备份文件“${path}”已存在：为免覆盖已有备份，请换一个文件名`);
  }
  return path;
}

/** Backs the database of `url` up into `file` (which must not exist yet). */
export async function backupDatabase(url: string, file: string): Promise<BackupOutcome> {
  const target = parseDatabaseUrl(url);
  const path = refuseExisting(file);
  if (target.dialect === 'sqlite') {
    if (target.filename === ':memory:') {
      throw new AppError('INVALID_INPUT', '内存数据库（sqlite::memory:）无法备份：请指定数据库文件');
    }
    const source = openSqliteFile(resolve(target.filename), '数据库文件');
    try {
      await source.backup(path);
    } finally {
      source.close();
    }
    checkSqliteCopy(path);
    return { engine: 'sqlite', file: path, bytes: statSync(path).size };
  }
  const connection = libpqArguments(target.connectionString);
  await runTool(
    'pg_dump',
    ['--format=custom', `--file=${path}`, ...connection.schemaOption, `--dbname=${connection.dbname}`],
    connection.env,
  );
  return { engine: 'postgres', file: path, bytes: statSync(path).size };
}

export interface RestoreOutcome {
  engine: 'sqlite' | 'postgres';
  /** Where the data now is: the SQLite file, or the PostgreSQL address without its password. */
  target: string;
}

/**
 * Restores `file` (made by backupDatabase) into the database of `url`, which must be fresh: a
 * SQLite file that does not exist yet, or a PostgreSQL database (or schema, when the URL selects
 * one with search_path) without gongkai's tables. Migrations are not run here: `gongkai serve` or
 * `gongkai db migrate` brings a restored older backup up to date.
 */
export async function restoreDatabase(file: string, url: string): Promise<RestoreOutcome> {
  const source = resolve(file);
  if (!existsSync(source)) throw new AppError('FILE_UNREADABLE', `备份文件“${source}”不存在`);
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    if (target.filename === ':memory:') {
      throw new AppError(
        'INVALID_INPUT',
        '不能恢复到内存数据库（sqlite::memory:）：请指定一个新的数据库文件',
      );
    }
    const path = resolve(target.filename);
    if (existsSync(path) && statSync(path).size > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `数据库文件“${path}”已存在：恢复只写入新的数据库文件，请先停止服务并移走原文件，或指定新的 DATABASE_URL`,
      );
    }
    checkSqliteCopy(source);
    const backup = openSqliteFile(source, '备份文件');
    try {
      await backup.backup(path);
    } finally {
      backup.close();
    }
    return { engine: 'sqlite', target: path };
  }
  await refuseNonEmptyPostgres(target.connectionString);
  const connection = libpqArguments(target.connectionString);
  await runTool(
    'pg_restore',
    ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${connection.dbname}`, source],
    connection.env,
  );
  return { engine: 'postgres', target: connection.shown };
}

function openSqliteFile(path: string, what: string): SqliteDatabase.Database {
  try {
    return new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('FILE_UNREADABLE', `无法打开${what}“${path}”：${(error as Error).message}`);
  }
}

/** A SQLite backup must be whole and gongkai's: integrity_check ok, with the migrations table. */
function checkSqliteCopy(path: string): void {
  const copy = openSqliteFile(path, '备份文件');
  try {
    let problem: string | null = null;
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') problem = `完整性检查未通过（${String(check)}）`;
      else if (!copy.prepare("select 1 from sqlite_master where name = 'kysely_migration'").get())
        problem = '其中没有 gongkai 的数据表';
    } catch (error) {
      problem = `不是有效的 SQLite 数据库（${(error as Error).message}）`;
    }
    if (problem) throw new AppError('FILE_UNREADABLE', `备份文件“${path}”不可用：${problem}`);
  } finally {
    copy.close();
  }
}

async function refuseNonEmptyPostgres(url: string): Promise<void> {
  const opened = openDatabase(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{ found: string | null }>`
      select to_regclass('kysely_migration')::text as found`.execute(opened.db);
    if (rows[0]?.found) {
      throw new AppError(
        'INVALID_INPUT',
        '目标数据库中已有 gongkai 的数据表：恢复只写入新建的空数据库（createdb 新建一个，或在 DATABASE_URL 中指定新的数据库）',
      );
    }
  } finally {
    await opened.close();
  }
}

interface LibpqArguments {
  /** The connection URI without its password (the password goes through PGPASSWORD). */
  dbname: string;
  shown: string;
  env: NodeJS.ProcessEnv;
  /** --schema=<name> when the URL selects a schema through search_path (one schema is backed up). */
  schemaOption: string[];
}

function libpqArguments(connectionString: string): LibpqArguments {
  const u = new URL(connectionString);
  const password = decodeURIComponent(u.password);
  u.password = '';
  // libpq reads '+' literally; node writes a space in the query (options=-c search_path=…) as '+'.
  u.search = u.search.replace(/\+/g, '%20');
  const schema = /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(u.searchParams.get('options') ?? '')?.[1];
  return {
    dbname: u.toString(),
    shown: u.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    schemaOption: schema ? [`--schema=${schema}`] : [],
  };
}

/** Runs a PostgreSQL client program; a clear Chinese error when it is missing or fails. */
async function runTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new AppError(
      'INVALID_INPUT',
      `未找到 ${tool}：请安装与服务器同一大版本（或更新）的 PostgreSQL 客户端（Debian/Ubuntu：apt-get install postgresql-client），` +
        `或手工执行 ${tool === 'pg_dump' ? 'pg_dump --format=custom --file=备份文件 数据库地址' : 'pg_restore --no-owner --single-transaction --dbname=数据库地址 备份文件'}`,
    );
  }
  const stderr = await new Promise<{ code: number | null; text: string }>((done, fail) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (text.length < 4000) text += chunk.toString('utf8');
    });
    child.once('error', fail);
    child.once('close', (code) => done({ code, text }));
  });
  if (stderr.code !== 0) {
    throw new AppError('INTERNAL', `${tool} 执行失败（退出码 ${stderr.code}）：${stderr.text.trim()}`);
  }
}
