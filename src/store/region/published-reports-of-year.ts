import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { table3CellColumn, table4CellColumn } from '../../core/region/export-columns.ts';
import { disclosureRates, RATE_TABLE3_ROWS, type RateTable3 } from '../../core/region/rates.ts';
import type { PublishedReportSummary } from '../../core/region/region-overview.ts';
import { TABLE3_TOTAL_COLUMN, TABLE4_GROUP_KEYS } from '../../core/report/labels.ts';
import type { Cell, Table4 } from '../../core/report/schema.ts';
import type { Database, ReportFiguresTable } from '../database.ts';
import { regionAgencyIds, SUMMARY_COLUMNS } from './report-figures.ts';

type SummaryRow = Pick<
  ReportFiguresTable,
  'agency_id' | 'report_id' | 'version' | 'origin' | 'published_on' | 'error_count' | 'warning_count'
>;

const RATE3_COLUMNS = RATE_TABLE3_ROWS.map((row) => table3CellColumn(row, TABLE3_TOTAL_COLUMN));
const RATE4_COLUMNS = TABLE4_GROUP_KEYS.map((g) => [0, 1, 2, 3, 4].map((c) => table4CellColumn(g, c)));

/**
 * The newest published report of each agency of a region (and below) for a year: its summary
 * and its rates, read from the few cells the rates need (no report's JSON is parsed).
 */
export async function publishedReportsOfYear(
  db: Kysely<Database>,
  regionId: string,
  year: number,
): Promise<PublishedReportSummary[]> {
  const rows = (await db
    .selectFrom('report_figures')
    .select(['agency_id', ...SUMMARY_COLUMNS])
    .select([...RATE3_COLUMNS, ...RATE4_COLUMNS.flat()].map((c) => sql.ref(c).as(c)))
    .where('year', '=', year)
    .where('agency_id', 'in', regionAgencyIds(db, regionId, null))
    .execute()) as unknown as Array<SummaryRow & Record<string, unknown>>;
  return rows.map((r) => {
    const cell = (column: string) => (r[column] ?? null) as Cell;
    const table3 = Object.fromEntries(
      RATE_TABLE3_ROWS.map((row, i) => {
        const cells: Cell[] = [null, null, null, null, null, null, null];
        cells[TABLE3_TOTAL_COLUMN] = cell(RATE3_COLUMNS[i]!);
        return [row, cells];
      }),
    ) as unknown as RateTable3;
    const table4 = Object.fromEntries(
      TABLE4_GROUP_KEYS.map((g, i) => [g, RATE4_COLUMNS[i]!.map(cell)]),
    ) as unknown as Table4;
    return {
      reportId: r.report_id,
      agencyId: r.agency_id,
      version: r.version,
      origin: r.origin,
      publishedOn: r.published_on,
      errorCount: r.error_count,
      warningCount: r.warning_count,
      rates: disclosureRates(table3, table4),
    };
  });
}
