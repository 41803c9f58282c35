import type { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { backupDatabase, restoreDatabase } from '../../store/backup/backup-database.ts';
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

/** `gongkai db backup <file>`: a consistent copy of the database (online). Returns the exit code. */
export async function backupDatabaseCommand(
  url: string,
  file: string,
  write: (text: string) => void,
): Promise<number> {
  const outcome = await backupDatabase(url, file);
  const how = outcome.engine === 'sqlite' ? 'SQLite 在线备份' : 'pg_dump 自定义格式';
  write(`已备份数据库 ${shownDatabaseUrl(url)} 到 ${outcome.file}（${how}，${outcome.bytes} 字节）\n`);
  write(`恢复：DATABASE_URL=<新的数据库> gongkai db restore ${outcome.file}\n`);
  return EXIT.ok;
}

/** `gongkai db restore <file>`: the backup into a fresh database. Returns the exit code. */
export async function restoreDatabaseCommand(
  file: string,
  url: string,
  write: (text: string) => void,
): Promise<number> {
  const outcome = await restoreDatabase(file, url);
  write(`已把备份 ${file} 恢复到 ${shownDatabaseUrl(outcome.target)}\n`);
  write('请运行 gongkai audit verify 核对审计日志，再启动服务（启动时自动迁移到最新结构）\n');
  return EXIT.ok;
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('数据库管理（数据库地址取环境变量 DATABASE_URL）');
  db.command('migrate')
    .description('把数据库迁移到最新结构，并列出本次应用的迁移')
    .action(async () => {
      process.exitCode = await migrateDatabase(databaseUrlFromEnvironment(), (t) => process.stdout.write(t));
    });
  db.command('backup <file>')
    .description(
      '备份数据库到文件（文件须不存在）：SQLite 用在线备份接口，服务运行时也可备份；PostgreSQL 调用 pg_dump（自定义格式）',
    )
    .action(async (file: string) => {
      process.exitCode = await backupDatabaseCommand(databaseUrlFromEnvironment(), file, (t) =>
        process.stdout.write(t),
      );
    });
  db.command('restore <file>')
    .description(
      '把备份恢复到 DATABASE_URL 指向的新数据库（SQLite：尚不存在的文件；PostgreSQL：没有 gongkai 数据表的数据库，调用 pg_restore）',
    )
    .action(async (file: string) => {
      process.exitCode = await restoreDatabaseCommand(file, databaseUrlFromEnvironment(), (t) =>
        process.stdout.write(t),
      );
    });
}
