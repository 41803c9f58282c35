import type { Region } from '../../core/organisation/region.ts';
import {
  checkExportRange,
  type ExportFormat,
  exportJsonFile,
  exportTableFile,
} from '../../documents/export/regional-export-file.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { regionalExport, regionalReportsJson } from '../../store/region/regional-export.ts';

/** The region's export as file bytes: CSV (UTF-8 with BOM), XLSX, or gongkai-report/1 JSON. */
export async function exportRegion(
  db: StoreDb,
  region: Region,
  from: number,
  to: number,
  format: ExportFormat,
): Promise<Uint8Array> {
  checkExportRange(from, to);
  if (format === 'json') {
    const reports = await regionalReportsJson(db, region.id, from, to);
    return exportJsonFile({ region: { code: region.code, name: region.name }, from, to, reports });
  }
  const { columns, rows } = await regionalExport(db, region.id, from, to);
  return exportTableFile(format, columns, rows);
}
