import type { Command } from 'commander';
import { escapeForTerminal } from '../../core/untrusted-text.ts';
import { documentReader } from '../documents-config.ts';
import { formatReportText } from '../format-report.ts';
import { loadReport } from '../load-report.ts';
import { Progress } from '../progress.ts';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('读取一份年度报告（txt、Markdown、HTML、DOCX、PDF，或扫描件的页面图片），输出结构化数据')
    .argument('<file>', '报告文件，或存放一份扫描件各页图片的文件夹（按文件名自然顺序：p2 在 p10 之前）')
    .option('--json', '输出 gongkai-report/1 JSON（含每个单元格的来源页码、行号）')
    .action(async (file: string, options: { json?: boolean }) => {
      const worker = documentReader();
      const progress = new Progress(1);
      const onPage = (page: number, pages: number) => progress.page(page, pages, file);
      const { report } = await loadReport(file, worker, { onPage }).finally(() => {
        progress.done();
        return worker.close();
      });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : escapeForTerminal(formatReportText(report), { keepLineBreaks: true }),
      );
    });
}
