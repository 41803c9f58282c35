import type { Command } from 'commander';
import { FORMAT_VERSION_LABELS } from '../../core/report/format-2019.ts';
import { describeScan } from '../../core/report/scan-source.ts';
import type { Report } from '../../core/report/schema.ts';
import { NO_PREVIOUS_REPORT } from '../../core/rules/cross-rules.ts';
import type { Finding } from '../../core/rules/finding.ts';
import { summarizeFindings } from '../../core/rules/summarize-findings.ts';
import { escapeForTerminal } from '../../core/untrusted-text.ts';
import { checkReport } from '../../documents/check-report.ts';
import { openDatabase } from '../../store/dialect.ts';
import { agencyNameGroups } from '../../store/region/regional-agencies.ts';
import { collect } from '../calendar-files.ts';
import { documentReader } from '../documents-config.ts';
import { EXIT } from '../exit.ts';
import { findingsCsv } from '../findings-csv.ts';
import { formatFindingsTable, formatSummary } from '../format-findings.ts';
import { collectFiles, type LoadedReport, loadReport } from '../load-report.ts';
import { Progress } from '../progress.ts';
import { requireCurrentSchema } from '../require-current-schema.ts';
import {
  agencyKeyOf,
  parseSameAgencyOptions,
  type SameAgencyNames,
  sameAgencyNames,
} from '../same-agency-names.ts';

interface CheckOptions {
  json?: boolean;
  csv?: boolean;
  previous?: string;
  sameAgency?: string[];
  db?: string;
}

export interface FileResult {
  file: string;
  refused?: string;
  loaded?: LoadedReport;
  findings?: Finding[];
}

/**
 * The same agency's report for the year before, from --previous or from the batch itself, where
 * `names` says which printed names are one agency (renamed between the years).
 */
function previousFor(
  loaded: LoadedReport,
  batch: readonly LoadedReport[],
  given: Report | undefined,
  names: SameAgencyNames,
): Report | undefined {
  if (given) return given;
  const key = agencyKeyOf(names, loaded.report.agency);
  return batch.find(
    (b) => agencyKeyOf(names, b.report.agency) === key && b.report.year === loaded.report.year - 1,
  )?.report;
}

/** Names given by --same-agency, and those the database knows (renamed agencies' former names) with --db. */
async function sameAgencyNamesOf(options: CheckOptions): Promise<SameAgencyNames> {
  const groups = parseSameAgencyOptions(options.sameAgency ?? []);
  if (options.db !== undefined) {
    const opened = openDatabase(options.db);
    try {
      await requireCurrentSchema(opened.db);
      groups.push(...(await agencyNameGroups(opened.db)));
    } finally {
      await opened.close();
    }
  }
  return sameAgencyNames(groups);
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      '核查年度报告：读取 txt、Markdown、HTML、DOCX、DOC/WPS、PDF、扫描件的页面图片（JPG、PNG、TIFF：一个文件夹或 zip 中的图片为一份报告的各页）或 gongkai-report/1 JSON，逐表逐格、逐句指出问题',
    )
    .argument('<paths...>', '报告文件或文件夹（文件夹内的报告会被逐一读取；含页面图片的文件夹是一份扫描件）')
    .option(
      '--previous <file>',
      '同一机关上一年度的报告，用于跨年度核对（文件夹中同一机关相邻两年的报告会自动配对）',
    )
    .option(
      '--same-agency <names>',
      '更名的机关：“旧名称=新名称”为同一机关，其相邻两年的报告配对核对上年结转（可重复）',
      collect,
    )
    .option('--db <url>', '从该数据库读取机关的曾用名，据以配对更名机关相邻两年的报告')
    .option('--json', '以 JSON 输出（供程序读取）')
    .option('--csv', '以 CSV 输出，每个问题一行')
    .addHelpText(
      'after',
      '\n退出码：0 未发现“错误”级别的问题；1 至少一份报告有“错误”；2 有文件无法读取或用法错误',
    )
    .action(async (paths: string[], options: CheckOptions) => {
      const names = await sameAgencyNamesOf(options);
      const files = collectFiles(paths);
      const progress = new Progress(files.length);
      const results: FileResult[] = [];
      const worker = documentReader();
      let previousGiven: Report | undefined;
      try {
        previousGiven = options.previous ? (await loadReport(options.previous, worker)).report : undefined;
        for (const [i, file] of files.entries()) {
          progress.tick(i, file);
          try {
            const onPage = (page: number, pages: number) => progress.page(page, pages, file);
            results.push({ file, loaded: await loadReport(file, worker, { onPage }) });
          } catch (error) {
            results.push({ file, refused: error instanceof Error ? error.message : String(error) });
          }
        }
      } finally {
        progress.done();
        await worker.close();
      }
      const batch = results.flatMap((r) => (r.loaded ? [r.loaded] : []));
      for (const r of results) {
        if (!r.loaded) continue;
        const previous = previousFor(r.loaded, batch, previousGiven, names);
        r.findings = checkReport(r.loaded.report, r.loaded.ingest, previous ? { previous } : {});
      }
      print(results, options);
      const refused = results.filter((r) => r.refused).length;
      const withErrors = results.filter((r) =>
        r.findings?.some((f) => f.severity === 'error' && f.assessable),
      ).length;
      process.exitCode = refused > 0 ? EXIT.unusable : withErrors > 0 ? EXIT.findings : EXIT.ok;
    });
}

function print(results: FileResult[], options: CheckOptions): void {
  if (options.csv) {
    process.stdout.write(findingsCsv(results));
    for (const r of results)
      if (r.refused) process.stderr.write(`gongkai: ${escapeForTerminal(r.refused)}\n`);
    return;
  }
  if (options.json) {
    const json = results.map((r) =>
      r.refused
        ? { file: r.file, refused: true, reason: r.refused }
        : {
            file: r.file,
            format: r.loaded!.format,
            agency: r.loaded!.report.agency,
            year: r.loaded!.report.year,
            formatVersion: r.loaded!.report.formatVersion,
            ...(r.loaded!.ingest?.scan ? { scan: r.loaded!.ingest.scan } : {}),
            summary: summarizeFindings(r.findings!),
            findings: r.findings,
          },
    );
    process.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
    return;
  }
  for (const r of results) {
    if (r.refused) {
      process.stderr.write(`gongkai: ${escapeForTerminal(r.refused)}\n`);
      continue;
    }
    const { report, format } = r.loaded!;
    process.stdout.write(
      `${escapeForTerminal(`${r.file} — ${report.agency}`)} ${report.year} 年度（${format}） ${FORMAT_VERSION_LABELS[report.formatVersion]}\n`,
    );
    const scan = r.loaded!.ingest?.scan;
    if (scan) {
      process.stdout.write(`  ${describeScan(scan)}\n`);
    }
    process.stdout.write(escapeForTerminal(formatFindingsTable(r.findings!), { keepLineBreaks: true }));
    process.stdout.write(
      `  共 ${r.findings!.length} 项：${formatSummary(summarizeFindings(r.findings!))}\n\n`,
    );
  }
  if (
    results.some((r) =>
      r.findings?.some((f) => f.ruleId === 'Y-01' && f.message.includes(NO_PREVIOUS_REPORT)),
    )
  ) {
    process.stdout.write(
      '提示：用 --previous <文件> 指定上一年度报告，或把同一机关相邻两年的报告一并检查，即可核对上年结转（Y-01）；机关更名的，用 --same-agency “旧名称=新名称”或 --db 数据库地址 配对\n',
    );
  }
  if (results.length > 1) {
    const read = results.filter((r) => r.loaded);
    const errors = read.filter((r) => r.findings!.some((f) => f.severity === 'error' && f.assessable)).length;
    const warnings = read.filter((r) =>
      r.findings!.some((f) => f.severity === 'warning' && f.assessable),
    ).length;
    process.stdout.write(
      `共 ${results.length} 个文件：已读取 ${read.length}，无法读取 ${results.length - read.length}；有错误 ${errors}，有警告 ${warnings}\n`,
    );
  }
}
