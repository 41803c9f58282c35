import type { Command } from 'commander';
import type { Report } from '../../core/report/schema.ts';
import { hasErrors, validateReport } from '../../core/rules/validate-report.ts';
import { EXIT } from '../exit.ts';
import { formatFindingsTable, formatSummary, summarize } from '../format-findings.ts';
import { readReportFile } from '../read-report-file.ts';

interface CheckOptions {
  json?: boolean;
  previous?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('核查年度报告（gongkai-report/1 JSON）：表格勾稽关系、空白单元格、跨年度衔接等')
    .argument('<files...>', '一个或多个 gongkai-report/1 JSON 文件')
    .option('--previous <report.json>', '同一机关上一年度的报告，用于跨年度核对（Y-01、Y-02）')
    .option('--json', '以 JSON 输出（供程序读取）')
    .addHelpText(
      'after',
      '\n退出码：0 未发现错误；1 发现“错误”级别的问题；2 输入无法使用（文件不存在、不是 JSON、格式不符等）',
    )
    .action((files: string[], options: CheckOptions) => {
      const previous: Report | undefined = options.previous ? readReportFile(options.previous) : undefined;
      const results = [];
      let refused = 0;
      let withErrors = 0;
      for (const file of files) {
        let report: Report;
        try {
          report = readReportFile(file);
        } catch (error) {
          refused += 1;
          const message = error instanceof Error ? error.message : String(error);
          if (options.json) results.push({ file, refused: true, reason: message });
          else process.stderr.write(`gongkai: ${message}\n`);
          continue;
        }
        const findings = validateReport(report, previous ? { previous } : {});
        if (hasErrors(findings)) withErrors += 1;
        const summary = summarize(findings);
        if (options.json) {
          results.push({ file, agency: report.agency, year: report.year, summary, findings });
        } else {
          process.stdout.write(`${file} — ${report.agency} ${report.year} 年度\n`);
          process.stdout.write(formatFindingsTable(findings));
          process.stdout.write(`  共 ${findings.length} 项：${formatSummary(summary)}\n\n`);
        }
      }
      if (options.json)
        process.stdout.write(
          `${JSON.stringify(files.length === 1 && results.length === 1 ? results[0] : results, null, 2)}\n`,
        );
      else if (files.length > 1) {
        process.stdout.write(
          `读取 ${files.length - refused} 个，无法读取 ${refused} 个，有错误 ${withErrors} 个\n`,
        );
      }
      process.exitCode = refused > 0 ? EXIT.unusable : withErrors > 0 ? EXIT.findings : EXIT.ok;
    });
}
