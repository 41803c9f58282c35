import type { Kysely, Transaction } from 'kysely';
import type { ScanSource } from '../../core/report/scan-source.ts';
import type { Database } from '../database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per statement: well under the parameter limits of SQLite and PostgreSQL. */
const CHUNK = 100;

/** Records that these reports were read from scans, with their OCR summary (in the transaction storing them). */
export async function insertReportScans(
  trx: Transaction<Database>,
  scans: ReadonlyArray<{ reportId: string; scan: ScanSource }>,
): Promise<void> {
  const rows = scans.map(({ reportId, scan }) => ({
    report_id: reportId,
    pages: scan.pages,
    mean_confidence: scan.meanConfidence,
    min_confidence: scan.minConfidence,
    cells_read: scan.cellsRead,
    cells_corrected: scan.cellsCorrected,
    cells_unreadable: scan.cellsUnreadable,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('report_scans')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/**
 * The OCR summary of those of these reports that were read from scans, by report id; a report
 * absent from the map was not (or was stored before scans were recorded).
 */
export async function reportScans(db: Db, reportIds: readonly string[]): Promise<Map<string, ScanSource>> {
  const out = new Map<string, ScanSource>();
  for (let i = 0; i < reportIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('report_scans')
      .selectAll()
      .where('report_id', 'in', reportIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      out.set(r.report_id, {
        pages: Number(r.pages),
        meanConfidence: Number(r.mean_confidence),
        minConfidence: r.min_confidence === null ? null : Number(r.min_confidence),
        cellsRead: Number(r.cells_read),
        cellsCorrected: Number(r.cells_corrected),
        cellsUnreadable: Number(r.cells_unreadable),
      });
    }
  }
  return out;
}

/** The OCR summary of one report, or null when it was not read from a scan. */
export async function reportScan(db: Db, reportId: string): Promise<ScanSource | null> {
  return (await reportScans(db, [reportId])).get(reportId) ?? null;
}

/** Each item with its report's scan summary (null when it was not read from a scan): one query. */
export async function withReportScans<T extends { reportId: string }>(
  db: Db,
  items: readonly T[],
): Promise<Array<T & { scan: ScanSource | null }>> {
  const scans = await reportScans(
    db,
    items.map((i) => i.reportId),
  );
  return items.map((i) => ({ ...i, scan: scans.get(i.reportId) ?? null }));
}
