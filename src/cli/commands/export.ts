import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../documents/export/regional-export-file.ts';
import { openDatabase } from '../../store/dialect.ts';
import { regionByCode } from '../../store/region/regional-agencies.ts';
import { exportRegion } from '../../use-cases/region/export-region.ts';
import { UsageError } from '../exit.ts';
import { requireCurrentSchema } from '../require-current-schema.ts';
import { databaseUrlFromEnvironment } from './db.ts';

interface ExportCliOptions {
  region: string;
  from: string;
  to?: string;
  format: string;
  headers?: string;
  output?: string;
  db?: string;
}

function year(text: string, option: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(`${option} 的取值“${text}”无效：应为四位年份，例如 2024`);
  return Number(text);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      '导出一个地区各机关已发布年度报告的全部表格数据：CSV（UTF-8，Excel 可直接打开）、XLSX 或 gongkai-report/1 JSON；每个机关每个年度一行，不含任何个人信息',
    )
    .requiredOption('--region <code>', '行政区划代码（含下级地区）')
    .requiredOption('--from <year>', '起始年度')
    .option('--to <year>', '截止年度（默认与起始年度相同）')
    .option('--format <format>', 'csv、xlsx 或 json', 'csv')
    .option('--headers <zh|en>', '表头：zh 为表格原文（XLSX 默认），en 为英文键名（CSV 默认，供程序读取）')
    .option('-o, --output <file>', '输出文件（CSV 和 JSON 默认输出到屏幕；XLSX 必须指定）')
    .option('--db <url>', '数据库地址（默认取环境变量 DATABASE_URL）')
    .addHelpText(
      'after',
      '\n列名见 docs/exports.md（例如 t3_granted_natural_person）；空白单元格导出为空，不是 0。',
    )
    .action(async (options: ExportCliOptions) => {
      if (!(options.format in EXPORT_FORMATS)) {
        throw new UsageError(`不支持的导出格式“${options.format}”：应为 csv、xlsx 或 json`);
      }
      const format = options.format as ExportFormat;
      if (options.headers !== undefined && options.headers !== 'zh' && options.headers !== 'en') {
        throw new UsageError(`不支持的表头“${options.headers}”：应为 zh 或 en`);
      }
      const from = year(options.from, '--from');
      const to = options.to === undefined ? from : year(options.to, '--to');
      const output = options.output === '-' ? undefined : options.output;
      if (format === 'xlsx' && output === undefined) throw new UsageError('导出 XLSX 时须用 -o 指定输出文件');
      const opened = openDatabase(options.db ?? databaseUrlFromEnvironment());
      try {
        await requireCurrentSchema(opened.db);
        const region = await regionByCode(opened.db, options.region);
        const bytes = await exportRegion(opened.db, region, from, to, format, options.headers);
        if (output === undefined) process.stdout.write(bytes);
        else writeFileSync(output, bytes);
      } finally {
        await opened.close();
      }
    });
}
