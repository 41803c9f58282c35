import { AppError } from '../../core/errors.ts';
import { type ExportValue, toCsv } from '../../core/region/export-columns.ts';
import { exportXlsx } from './export-xlsx.ts';

export const EXPORT_FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: '.csv' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: '.xlsx',
  },
  json: { contentType: 'application/json; charset=utf-8', extension: '.json' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Widest year range one export may cover. */
export const MAX_EXPORT_YEARS = 20;

export function checkExportRange(from: number, to: number): void {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 2008 || to > 2100) {
    throw new AppError('INVALID_INPUT', '年度应为 2008 至 2100 之间的四位年份');
  }
  if (from > to) throw new AppError('INVALID_INPUT', `起始年度 ${from} 晚于截止年度 ${to}`);
  if (to - from + 1 > MAX_EXPORT_YEARS) {
    throw new AppError('INVALID_INPUT', `一次最多导出 ${MAX_EXPORT_YEARS} 个年度`);
  }
}

/** The export's table as file bytes: CSV (UTF-8 with BOM) or XLSX. */
export async function exportTableFile(
  format: Exclude<ExportFormat, 'json'>,
  columns: readonly string[],
  rows: readonly ExportValue[][],
): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(toCsv(columns, rows));
  return exportXlsx(columns, rows);
}

/** The export as gongkai-report/1 JSON bytes (pretty-printed, one trailing newline). */
export function exportJsonFile(body: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
}
