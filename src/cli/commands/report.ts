import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { momentOf } from '../../core/moment.ts';
import { formatLocation } from '../../core/rules/finding.ts';
import { openDatabase, parseDatabaseUrl } from '../../store/dialect.ts';
import { resolveAgency } from '../../store/reports/resolve-agency.ts';
import { previewAnnualReport } from '../../use-cases/reports/preview-annual-report.ts';
import { EXIT, UsageError } from '../exit.ts';
import { databaseUrlFromEnvironment } from './db.ts';

export interface AssembleCommandOptions {
  agency: string;
  year: string;
  /** A database URL, or the path of a SQLite file; default DATABASE_URL. */
  db?: string;
  output?: string;
}

/** `--db data/x.db` or `--db sqlite:…` / `postgres://…`. */
function databaseUrlOf(db: string | undefined): string {
  if (db === undefined) return databaseUrlFromEnvironment();
  return /^(sqlite:|postgres(ql)?:\/\/)/.test(db) ? db : `sqlite:${db}`;
}

/**
 * `gongkai report assemble`: what the agency's annual report of a year would be, assembled from
 * the records (tables 二/三/四 counted by the database, section 一 drafted), as `gongkai-report/1`
 * JSON on stdout or in a file. Nothing is saved. Errors found by the rules are listed on stderr
 * (exit 1), e.g. table 二 figures not yet entered.
 */
export async function assembleReportCommand(
  options: AssembleCommandOptions,
  now: Date,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const year = Number(options.year);
  if (!/^\d{4}$/.test(options.year)) throw new UsageError(`年度“${options.year}”无效：应为四位数年份`);
  const url = databaseUrlOf(options.db);
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite' && target.filename !== ':memory:' && !existsSync(target.filename)) {
    throw new UsageError(`数据库文件“${target.filename}”不存在`);
  }
  const opened = openDatabase(url);
  try {
    const agency = await resolveAgency(opened.db, options.agency);
    const { report, findings } = await previewAnnualReport(opened.db, agency.id, year, momentOf(now).today);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (options.output) {
      writeFileSync(options.output, json);
      out(
        `已写入 ${options.output}：${agency.name}${year}年度报告（本年新收申请 ${report.table3.newReceived[6]} 件）\n`,
      );
    } else {
      out(json);
    }
    const errors = findings.filter((f) => f.severity === 'error' && f.assessable);
    for (const f of errors) err(`错误 ${f.ruleId} ${formatLocation(f.location)}：${f.message}\n`);
    return errors.length > 0 ? EXIT.findings : EXIT.ok;
  } finally {
    await opened.close();
  }
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('年度报告（按台账汇总）');
  report
    .command('assemble')
    .description(
      '按台账汇总机关某年度的年度报告（表二、三、四统计，第一部分起草），输出 gongkai-report/1 JSON，不保存',
    )
    .requiredOption('--agency <机关>', '机关编号或名称')
    .requiredOption('--year <年度>', '报告年度，例如 2025')
    .option('--db <数据库>', 'SQLite 文件路径或数据库地址（默认取环境变量 DATABASE_URL）')
    .option('-o, --output <文件>', '写入文件而不是输出到终端')
    .action(async (options: AssembleCommandOptions) => {
      process.exitCode = await assembleReportCommand(
        options,
        new Date(),
        (t) => process.stdout.write(t),
        (t) => process.stderr.write(t),
      );
    });
}
