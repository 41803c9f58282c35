import type { Command } from 'commander';
import { JOB_STATE_LABELS } from '../../core/jobs/job.ts';
import { escapeForTerminal } from '../../core/untrusted-text.ts';
import { openDatabase } from '../../store/dialect.ts';
import { listJobs } from '../../store/jobs/jobs.repository.ts';
import { jobKindLabel } from '../../use-cases/jobs/job-kinds.ts';
import { UsageError } from '../exit.ts';
import { requireCurrentSchema } from '../require-current-schema.ts';
import { databaseUrlFromEnvironment } from './db.ts';

interface JobsOptions {
  db?: string;
  limit?: string;
  json?: boolean;
}

export function registerJobs(program: Command): void {
  program
    .command('jobs')
    .description('列出后台任务（最新的在前）：类型、状态、进度和结果')
    .option('--db <url>', '数据库地址（默认取环境变量 DATABASE_URL）')
    .option('--limit <n>', '最多列出的任务数（默认 50，至多 500）')
    .option('--json', '以 JSON 输出')
    .action(async (options: JobsOptions) => {
      if (options.limit !== undefined && !/^\d{1,3}$/.test(options.limit)) {
        throw new UsageError(`--limit 的取值“${options.limit}”无效：应为 1 到 500 的整数`);
      }
      const opened = openDatabase(options.db ?? databaseUrlFromEnvironment());
      try {
        await requireCurrentSchema(opened.db);
        const jobs = await listJobs(opened.db, { limit: Number(options.limit ?? 50) });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
          return;
        }
        if (jobs.length === 0) {
          process.stdout.write('没有后台任务\n');
          return;
        }
        for (const job of jobs) {
          const percent = job.total === 0 ? 100 : Math.floor((job.done / job.total) * 100);
          const note = job.error ?? job.message ?? '';
          process.stdout.write(
            `${job.id}  ${jobKindLabel(job.kind)}  ${JOB_STATE_LABELS[job.state]}  ${job.done}/${job.total}（${percent}%）  ${job.createdAt}${note ? `  ${escapeForTerminal(note)}` : ''}\n`,
          );
        }
      } finally {
        await opened.close();
      }
    });
}
