/**
 * The databases a bench suite measures on: a SQLite file in a temporary folder, and a PostgreSQL
 * schema of its own on TEST_DATABASE_URL (dropped afterwards; null when PostgreSQL is unreachable).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type OpenedDatabase, openDatabase } from '../src/store/dialect.ts';

export const PG_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_test';

export interface BenchDatabase {
  dialect: 'sqlite' | 'postgres';
  /** The database URL (the SQLite file's, or PostgreSQL's with the schema on its search_path). */
  url: string;
  opened: OpenedDatabase;
  cleanup(): Promise<void>;
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh SQLite file `<name>.db` in a temporary folder, removed by cleanup. */
export function benchSqlite(name: string): BenchDatabase & { file: string } {
  const dir = mkdtempSync(join(tmpdir(), `gongkai-${name}-`));
  const file = join(dir, `${name}.db`);
  const url = `sqlite:${file}`;
  const opened = openDatabase(url);
  return {
    dialect: 'sqlite',
    url,
    file,
    opened,
    cleanup: async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema `gk_<name>_…` on PG_URL, dropped by cleanup; null when PostgreSQL is unreachable. */
export async function benchPostgres(name: string): Promise<BenchDatabase | null> {
  const schema = `gk_${name}_${randomBytes(6).toString('hex')}`;
  try {
    await admin(`create schema ${schema}`);
  } catch {
    return null;
  }
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const opened = openDatabase(url.toString());
  return {
    dialect: 'postgres',
    url: url.toString(),
    opened,
    cleanup: async () => {
      await opened.close();
      await admin(`drop schema ${schema} cascade`);
    },
  };
}

/**
 * Where a server process started by a bench tool keeps its data, without opening it here: a SQLite
 * file in a temporary folder, or a fresh PostgreSQL schema on PG_URL; cleanup removes it.
 */
export async function benchDatabaseUrl(
  engine: 'sqlite' | 'postgres',
  name: string,
): Promise<{ url: string; cleanup(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `gongkai-${name}-`));
    return {
      url: `sqlite:${join(dir, `${name}.db`)}`,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `gk_${name}_${randomBytes(6).toString('hex')}`;
  await admin(`create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), cleanup: () => admin(`drop schema ${schema} cascade`) };
}
