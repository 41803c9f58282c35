import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Region } from '../../core/organisation/region.ts';
import { toCsv } from '../../core/region/export-columns.ts';
import { exportXlsx } from '../../documents/export/export-xlsx.ts';
import type { Database } from '../database.ts';
import { regionalExport, regionalReportsJson } from './regional-export.ts';

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

/** The region's export as file bytes: CSV (UTF-8 with BOM), XLSX, or gongkai-report/1 JSON. */
export async function regionalExportFile(
  db: Kysely<Database>,
  region: Region,
  from: number,
  to: number,
  format: ExportFormat,
): Promise<Uint8Array> {
  checkExportRange(from, to);
  if (format === 'json') {
    const reports = await regionalReportsJson(db, region.id, from, to);
    const body = { region: { code: region.code, name: region.name }, from, to, reports };
    return new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`);
  }
  const { columns, rows } = await regionalExport(db, region.id, from, to);
  if (format === 'csv') return new TextEncoder().encode(toCsv(columns, rows));
  return exportXlsx(columns, rows);
}
