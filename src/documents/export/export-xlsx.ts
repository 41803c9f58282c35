import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { ExportValue } from '../../core/region/export-columns.ts';

/**
 * An XLSX workbook of one sheet: the header row, then one row per agency-year. Numbers stay
 * numbers (Excel can sum them); a blank cell stays empty, never 0.
 */
export async function exportXlsx(
  columns: readonly string[],
  rows: readonly ExportValue[][],
  sheet = '年度报告数据',
): Promise<Uint8Array> {
  const data: SheetData = [
    columns.map((c) => ({ value: c, fontWeight: 'bold' as const })),
    ...rows.map((r) => r.map((v) => (v === null ? null : v))),
  ];
  const buffer = await writeXlsxFile(data, { sheet, stickyRowsCount: 1 }).toBuffer();
  return new Uint8Array(buffer);
}
