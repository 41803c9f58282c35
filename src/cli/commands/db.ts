import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, parseDatabaseUrl } from '../../store/dialect.ts';
import { MIGRATIONS, migrateToLatest } from '../../store/migrations/migrate.ts';
import { configOrUsageError, EXIT } from '../exit.ts';

/** DATABASE_URL as the server reads it (default: the SQLite file under ./data). */
export function databaseUrlFromEnvironment(env: Record<string, string | undefined> = process.env): string {
  return configOrUsageError(() => loadConfig(env).databaseUrl);
}

/** The URL without its password, for messages. */
export function shownDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

/** `gongkai db migrate`: applies pending migrations, prints their names. Returns the exit code. */
export async function migrateDatabase(url: string, write: (text: string) => void): Promise<number> {
  parseDatabaseUrl(url);
  const opened = openDatabase(url);
  try {
    const applied = await migrateToLatest(opened.db);
    const total = Object.keys(MIGRATIONS).length;
    if (applied.length === 0) {
      write(`数据库 ${shownDatabaseUrl(url)} 已是最新结构（共 ${total} 项迁移），无需迁移\n`);
    } else {
      write(`数据库 ${shownDatabaseUrl(url)}：已应用 ${applied.length} 项迁移（共 ${total} 项）\n`);
      for (const name of applied) write(`  ${name}\n`);
    }
    return EXIT.ok;
  } finally {
    await opened.close();
  }
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('数据库管理（数据库地址取环境变量 DATABASE_URL）');
  db.command('migrate')
    .description('把数据库迁移到最新结构，并列出本次应用的迁移')
    .action(async () => {
      process.exitCode = await migrateDatabase(databaseUrlFromEnvironment(), (t) => process.stdout.write(t));
    });
}
