import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { momentOf } from '../../core/moment.ts';
import { escapeForTerminal } from '../../core/untrusted-text.ts';
import { openDatabase } from '../../store/dialect.ts';
import { getImportBatch, saveImportBatch } from '../../store/imports/import-batches.ts';
import { importOutcomes } from '../../store/imports/import-files.ts';
import { type PlannedFile, planImport } from '../../store/imports/import-plan.ts';
import type { ImportSummary } from '../../store/imports/imported-reports.ts';
import { regionByCode } from '../../store/region/regional-agencies.ts';
import { confirmImportBatch, enqueueFileImport } from '../../use-cases/imports/enqueue-import.ts';
import { startWorker } from '../../use-cases/jobs/job-worker.ts';
import { documentReader } from '../documents-config.ts';
import { EXIT, UsageError } from '../exit.ts';
import { importSourcesOf } from '../import-files.ts';
import { cliJobQueue, waitForJob } from '../job-queue.ts';
import { Progress } from '../progress.ts';
import { requireCurrentSchema } from '../require-current-schema.ts';
import { databaseUrlFromEnvironment } from './db.ts';

interface ImportCliOptions {
  region: string;
  year?: string;
  yes?: boolean;
  createAgencies?: boolean;
  map?: string[];
  db?: string;
  json?: boolean;
  background?: boolean;
}

const CLI_ACTOR = { userId: null, label: '命令行导入' };

const STATUS_LABELS: Record<PlannedFile['status'], string> = {
  ready: '待导入',
  duplicate: '已导入过',
  skipped: '跳过',
};

const MATCH_LABELS = {
  name: '按名称',
  'former-name': '按曾用名',
  mapping: '按映射',
  'new-agency': '新建机关',
} as const;

function parseMapping(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      throw new UsageError(`--map 的取值“${pair}”无效：应为“报告中的机关名称=本系统中的机关名称”`);
    }
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year 的取值“${text}”无效：应为四位年份，例如 2024`);
  return Number(text);
}

function planLine(f: PlannedFile): string {
  const what =
    f.status === 'ready'
      ? `${f.recognisedAgency} ${f.year} 年度 → ${f.agencyName}（${MATCH_LABELS[f.match!]}）${f.errorCount > 0 ? `，核查错误 ${f.errorCount} 项` : ''}`
      : (f.reason ?? '');
  return `  [${STATUS_LABELS[f.status]}] ${escapeForTerminal(`${f.name}：${what}`)}\n`;
}

async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await Promise.race([
      rl.question(question),
      new Promise<string>((r) => rl.once('close', () => r(''))),
    ]);
    return /^(y|yes|是|确认)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function printSummary(summary: ImportSummary): void {
  process.stdout.write(
    `导入完成：已导入 ${summary.imported} 份，已导入过 ${summary.alreadyImported} 份，跳过 ${summary.skipped} 份\n`,
  );
  for (const f of summary.files) {
    if (f.status === 'skipped')
      process.stdout.write(`  跳过 ${escapeForTerminal(`${f.name}：${f.reason}`)}\n`);
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      '导入各机关已发布的年度报告（txt、Markdown、HTML、DOCX、PDF、扫描件的页面图片；单个文件、文件夹或 zip 压缩包，同一文件夹中的页面图片为一份报告）：从内容识别机关和年度，确认后入库',
    )
    .argument('<paths...>', '报告文件、文件夹或 zip 压缩包')
    .requiredOption('--region <code>', '本地区的行政区划代码：报告须属于该地区（含下级地区）的机关')
    .option('--year <year>', '只导入该年度的报告，其他年度的跳过')
    .option('--yes', '不询问，直接导入')
    .option('--create-agencies', '报告的机关在本地区找不到时，在该地区新建机关')
    .option(
      '--map <报告中的名称=机关名称>',
      '机关名称映射（可重复），用于更名的机关，例如 --map 中卫市云计算和大数据发展局=中卫市数据局',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--db <url>', '数据库地址（默认取环境变量 DATABASE_URL）')
    .option('--json', '以 JSON 输出导入结果')
    .option(
      '--background',
      '不在本机预览：把文件存入数据库，作为后台任务交给工作进程（gongkai worker 或服务器）读取和入库，立即返回任务编号',
    )
    .addHelpText(
      'after',
      '\n导入作为后台任务分部分执行：本命令也参与执行并显示进度，其他工作进程（gongkai worker）同时分担。\n退出码：0 全部导入（或已导入过）；2 有文件被跳过、任务失败、用户取消或用法错误。重复导入同一文件（SHA-256 相同）不会重复入库。',
    )
    .action(async (paths: string[], options: ImportCliOptions) => {
      const year = parseYear(options.year);
      const mapping = parseMapping(options.map ?? []);
      const url = options.db ?? databaseUrlFromEnvironment();
      const opened = openDatabase(url);
      const worker = documentReader();
      try {
        await requireCurrentSchema(opened.db);
        const region = await regionByCode(opened.db, options.region);
        const sources = importSourcesOf(paths);
        const importOptions = {
          ...(year !== undefined ? { year } : {}),
          mapping,
          createAgencies: options.createAgencies === true,
        };
        if (options.background) {
          const queue = await cliJobQueue(opened, url);
          try {
            const { job, batchId } = await enqueueFileImport(
              opened.db,
              queue,
              { regionId: region.id, ...importOptions },
              sources,
              CLI_ACTOR,
              momentOf(new Date()),
            );
            if (options.json) {
              process.stdout.write(
                `${JSON.stringify({ jobId: job.id, batchId, files: job.total }, null, 2)}\n`,
              );
            } else {
              process.stdout.write(
                `已提交导入任务 ${job.id}：共 ${job.total} 个文件，由工作进程（gongkai worker 或服务器）读取和入库；用 gongkai jobs 查看进度\n`,
              );
            }
            process.exitCode = EXIT.ok;
          } finally {
            await queue.stop();
          }
          return;
        }
        const progress = new Progress(sources.length);
        const plan = await planImport(
          opened.db,
          (bytes, name) => worker.read(bytes, name, (page, pages) => progress.page(page, pages, name)),
          sources,
          { regionId: region.id, ...importOptions },
          (done, name) => progress.tick(done, name),
        ).finally(() => progress.done());
        const ready = plan.filter((f) => f.status === 'ready').length;
        if (!options.json) {
          process.stdout.write(
            `导入到 ${region.name}（${region.code}）：共 ${plan.length} 个文件，待导入 ${ready} 份\n`,
          );
          for (const f of plan) process.stdout.write(planLine(f));
        }
        if (ready > 0 && !options.yes && !(await confirmed(`确认导入这 ${ready} 份报告？[y/N] `))) {
          process.stderr.write('gongkai: 已取消，未导入任何报告\n');
          process.exitCode = EXIT.unusable;
          return;
        }
        const now = momentOf(new Date());
        const queue = await cliJobQueue(opened, url);
        try {
          const batch = await saveImportBatch(opened.db, region.id, importOptions, plan, CLI_ACTOR, now);
          const job = await opened.db
            .transaction()
            .execute((trx) => confirmImportBatch(trx, queue, batch, CLI_ACTOR, now));
          // This process works on the job too; other workers (gongkai worker, servers) share it.
          await startWorker(queue, {
            db: opened.db,
            read: (bytes, name, onPage) => worker.read(bytes, name, onPage),
          });
          const finished = await waitForJob(opened, job.id);
          // A failed job's summary is saved just after it is marked failed: read the outcomes then.
          const summary =
            (await getImportBatch(opened.db, batch.id))?.summary ??
            (await importOutcomes(opened.db, batch.id));
          if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          else printSummary(summary);
          if (finished.state === 'failed') {
            process.stderr.write(`gongkai: 导入任务未全部完成：${finished.error}（以上为已完成的部分）\n`);
          }
          process.exitCode = summary.skipped > 0 || finished.state === 'failed' ? EXIT.unusable : EXIT.ok;
        } finally {
          await queue.stop();
        }
      } finally {
        await worker.close();
        await opened.close();
      }
    });
}
