import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { checkReport } from '../../documents/check-report.ts';
import { RENDER_FORMATS, type RenderFormat, renderReport } from '../../documents/render/render-report.ts';
import { documentReader, documentsConfig } from '../documents-config.ts';
import { UsageError } from '../exit.ts';
import { loadReport } from '../load-report.ts';

interface RenderOptions {
  to: string;
  output?: string;
  findings?: boolean;
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description(
      '生成标准格式的年度报告：HTML、DOCX、PDF 或 Markdown（输入可以是 gongkai-report/1 JSON，也可以是任何能读取的报告文件）',
    )
    .argument('<file>', 'gongkai-report/1 JSON，或 txt、Markdown、HTML、DOCX、PDF 报告')
    .requiredOption('--to <format>', '输出格式：html、docx、pdf 或 md')
    .option(
      '-o, --output <file>',
      '输出文件（HTML 和 Markdown 默认输出到屏幕；DOCX、PDF 默认写到与输入同名、扩展名不同的文件）',
    )
    .option('--findings', '在报告末尾附上核查结果')
    .action(async (file: string, options: RenderOptions) => {
      if (!(options.to in RENDER_FORMATS))
        throw new UsageError(`不支持的输出格式“${options.to}”：应为 html、docx、pdf 或 md`);
      const format = options.to as RenderFormat;
      const config = documentsConfig();
      const { chromiumPath } = config;
      const worker = documentReader(config);
      const loaded = await loadReport(file, worker).finally(() => worker.close());
      const findings = options.findings ? checkReport(loaded.report, loaded.ingest) : undefined;
      const rendered = await renderReport(loaded.report, format, {
        ...(findings ? { findings } : {}),
        ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      });
      const textual = format === 'html' || format === 'md';
      const output =
        options.output ?? (textual ? undefined : `${basename(file, extname(file))}${rendered.extension}`);
      if (output === undefined || output === '-') {
        process.stdout.write(rendered.bytes);
        return;
      }
      if (output === file) throw new UsageError('输出文件不能与输入文件相同');
      writeFileSync(output, rendered.bytes);
      process.stderr.write(`已生成 ${output}（${Math.round(rendered.bytes.length / 1024)} KiB）\n`);
    });
}
