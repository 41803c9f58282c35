import type { Command } from 'commander';
import { openDatabase } from '../../store/dialect.ts';
import { startWorker } from '../../use-cases/jobs/job-worker.ts';
import { documentReader } from '../documents-config.ts';
import { UsageError } from '../exit.ts';
import { cliJobQueue, jobsConfig } from '../job-queue.ts';
import { requireCurrentSchema } from '../require-current-schema.ts';
import { databaseUrlFromEnvironment, shownDatabaseUrl } from './db.ts';

interface WorkerOptions {
  db?: string;
  concurrency?: string;
}

/** Resolves at the first SIGINT or SIGTERM. */
const stopSignal = () =>
  new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      '运行工作进程：从任务队列领取并执行后台任务（如大批量导入）。可在多台机器上同时运行多个（PostgreSQL）；按 Ctrl+C 停止',
    )
    .option('--db <url>', '数据库地址（默认取环境变量 DATABASE_URL）')
    .option('--concurrency <n>', '同时执行的任务部分数（默认取 JOBS_CONCURRENCY，为 1）')
    .addHelpText(
      'after',
      '\n停止时先做完手上的部分；进程被强行终止时，其未完成的部分在 JOBS_EXPIRE_SECONDS 秒后由其他工作进程重做（已入库的不重复入库）。',
    )
    .action(async (options: WorkerOptions) => {
      const config = jobsConfig();
      let concurrency = config.jobQueue.concurrency;
      if (options.concurrency !== undefined) {
        if (!/^\d{1,2}$/.test(options.concurrency) || Number(options.concurrency) < 1) {
          throw new UsageError(`--concurrency 的取值“${options.concurrency}”无效：应为 1 到 32 的整数`);
        }
        concurrency = Math.min(Number(options.concurrency), 32);
      }
      const url = options.db ?? databaseUrlFromEnvironment();
      const opened = openDatabase(url);
      const reader = documentReader();
      try {
        await requireCurrentSchema(opened.db);
        const queue = await cliJobQueue(opened, url, {
          ...config,
          jobQueue: { ...config.jobQueue, concurrency },
        });
        const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);
        await startWorker(queue, {
          db: opened.db,
          read: (bytes, name, onPage) => reader.read(bytes, name, onPage),
          log,
        });
        log(
          `工作进程已启动（${shownDatabaseUrl(url)}，队列 ${queue.engine}，并发 ${concurrency}），按 Ctrl+C 停止`,
        );
        const signal = await stopSignal();
        log(`收到 ${signal}，做完手上的部分后停止……`);
        await queue.stop();
        log('工作进程已停止');
      } finally {
        await reader.close();
        await opened.close();
      }
    });
}
