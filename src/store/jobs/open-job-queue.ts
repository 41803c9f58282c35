import { type OpenedDatabase, parseDatabaseUrl } from '../dialect.ts';
import type { JobQueue, QueueSettings } from './job-queue.ts';
import { openPgBossJobQueue } from './pg-boss-job-queue.ts';
import { sqliteJobQueue } from './sqlite-job-queue.ts';

/** The job queue of a database (`databaseUrl` is the one it was opened with): pg-boss on PostgreSQL, the jobs table on SQLite. */
export async function openJobQueue(
  opened: OpenedDatabase,
  databaseUrl: string,
  settings: QueueSettings,
  log: (message: string) => void = (message) => process.stderr.write(`gongkai: ${message}\n`),
): Promise<JobQueue> {
  if (opened.dialect === 'sqlite') return sqliteJobQueue(opened.db, settings);
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect !== 'postgres')
    throw new Error('the job queue of a PostgreSQL store needs its postgres:// URL');
  return openPgBossJobQueue(opened.db, target.connectionString, settings, log);
}
