import type { Region } from '../../core/organisation/region.ts';
import { type ExportHeaders, exportHeaderRow } from '../../core/region/export-columns.ts';
import {
  checkExportRange,
  type ExportFormat,
  exportJsonFile,
  exportTableFile,
} from '../../documents/export/regional-export-file.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { regionalExport, regionalReportsJson } from '../../store/region/regional-export.ts';

/**
 * The region's export as file bytes: CSV (UTF-8 with BOM), XLSX, or gongkai-report/1 JSON. The
 * header row is the form's Chinese words or the stable English keys (default: Chinese for XLSX,
 * which people open; English for CSV, which programs read).
 */
export async function exportRegion(
  db: StoreDb,
  region: Region,
  from: number,
  to: number,
  format: ExportFormat,
  headers: ExportHeaders = format === 'xlsx' ? 'zh' : 'en',
): Promise<Uint8Array> {
  checkExportRange(from, to);
  if (format === 'json') {
    const reports = await regionalReportsJson(db, region.id, from, to);
    return exportJsonFile({ region: { code: region.code, name: region.name }, from, to, reports });
  }
  const { rows } = await regionalExport(db, region.id, from, to);
  return exportTableFile(format, exportHeaderRow(headers), rows);
}
