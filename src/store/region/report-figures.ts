import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { RegionalTotals } from '../../core/region/aggregate-reports.ts';
import {
  EXPORT_CELL_COLUMNS,
  numbersFromCells,
  type ReportNumbers,
  reportCells,
  table3CellColumn,
  table4CellColumn,
} from '../../core/region/export-columns.ts';
import { disclosureRates, RATE_TABLE3_ROWS, type RateTable3 } from '../../core/region/rates.ts';
import type { PublishedReportSummary } from '../../core/region/region-overview.ts';
import { TABLE3_TOTAL_COLUMN, TABLE4_GROUP_KEYS } from '../../core/report/labels.ts';
import type { Cell, Table4 } from '../../core/report/schema.ts';
import type { Database, ReportFiguresTable } from '../database.ts';
import { dialectOf } from '../dialect.ts';
import { subregionIds } from '../organisation/subregion-ids.ts';
import { newestPublishedVersion } from '../reports/read-annual-reports.ts';

/**
 * report_figures (migration 2026-12-07-120): the cells of each agency-year's newest published
 * report, one column each, so that a region's totals are summed by the database. Written in the
 * transaction that publishes or imports a report (refreshReportFigures, storeReportFigures).
 */

const FEES_CELL = 't2_fees_wan_yuan';
const FEES_INDEX = EXPORT_CELL_COLUMNS.indexOf(FEES_CELL);
/** 万元 → 元: the fees are stored in 元 so that sums are of whole numbers, exact. */
const YUAN_PER_WAN = 10_000;

/** The cell columns, in EXPORT_CELL_COLUMNS order: the export's names, the fees in 元 (t2_fees_yuan). */
export const FIGURE_COLUMNS: readonly string[] = EXPORT_CELL_COLUMNS.map((c) =>
  c === FEES_CELL ? 't2_fees_yuan' : c,
);

const SUMMARY_COLUMNS = [
  'report_id',
  'version',
  'origin',
  'published_on',
  'error_count',
  'warning_count',
  'blank_cells',
] as const;

/** A published version to keep as its agency-year's figures. */
export interface PublishedFigures {
  reportId: string;
  agencyId: string;
  year: number;
  version: number;
  origin: 'assembled' | 'imported';
  publishedOn: string | null;
  errorCount: number;
  warningCount: number;
  numbers: ReportNumbers;
}

/** The report_figures row of a version (also what the scale bench bulk-loads). */
export function reportFiguresRow(f: PublishedFigures): Record<string, string | number | null> {
  const cells = reportCells(f.numbers);
  const fees = cells[FEES_INDEX] ?? null;
  cells[FEES_INDEX] = fees === null ? null : Math.round(fees * YUAN_PER_WAN);
  return {
    agency_id: f.agencyId,
    year: f.year,
    report_id: f.reportId,
    version: f.version,
    origin: f.origin,
    published_on: f.publishedOn,
    error_count: f.errorCount,
    warning_count: f.warningCount,
    blank_cells: cells.filter((c) => c === null).length,
    format_version: f.numbers.format2019 ? '2019' : '2021',
    ...Object.fromEntries(FIGURE_COLUMNS.map((name, i) => [name, cells[i] ?? null])),
  };
}

/** The columns besides the cells that a newer published version replaces. */
const REPLACED = ['format_version', ...SUMMARY_COLUMNS];

/**
 * Stores these versions as their agency-years' figures, replacing what was there (each must be
 * the agency-year's newest published version). 100 rows of ~210 values a statement.
 */
export async function storeReportFigures(
  trx: Kysely<Database>,
  figures: readonly PublishedFigures[],
): Promise<void> {
  const update = Object.fromEntries(
    [...REPLACED, ...FIGURE_COLUMNS].map((c) => [c, sql`excluded.${sql.ref(c)}`]),
  );
  for (let i = 0; i < figures.length; i += 100) {
    const rows = figures.slice(i, i + 100).map(reportFiguresRow);
    await trx
      .insertInto('report_figures')
      .values(rows as never)
      .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(update as never))
      .execute();
  }
  await refreshRegionYears(trx, figures);
}

/**
 * The sum of each cell (null when any row is blank there), as SQL over rows aliased `f`. On
 * PostgreSQL a blank counts as NaN, which every sum it enters keeps, turned back into null (one
 * aggregate a cell instead of two: 210 fewer for the planner and the executor); SQLite has no NaN, so there a cell's sum
 * is kept only when it counted every row.
 */
function cellSums(db: Kysely<Database>) {
  if (dialectOf(db) === 'postgres') {
    return FIGURE_COLUMNS.map((c) => sql`nullif(sum(coalesce(${sql.ref(`f.${c}`)}, 'NaN')), 'NaN')`);
  }
  return FIGURE_COLUMNS.map(
    (c) => sql`case when count(${sql.ref(`f.${c}`)}) = count(*) then sum(${sql.ref(`f.${c}`)}) end`,
  );
}

/**
 * Recomputes region_year_figures for the regions and years of these agency-years: each region's
 * own agencies' figures of the year summed (no row when none is left).
 */
async function refreshRegionYears(
  db: Kysely<Database>,
  changed: ReadonlyArray<{ agencyId: string; year: number }>,
): Promise<void> {
  const agencyIds = [...new Set(changed.map((c) => c.agencyId))];
  const regionOf = new Map<string, string>();
  for (let i = 0; i < agencyIds.length; i += 500) {
    const rows = await db
      .selectFrom('agencies')
      .select(['id', 'region_id'])
      .where('id', 'in', agencyIds.slice(i, i + 500))
      .execute();
    for (const r of rows) regionOf.set(r.id, r.region_id);
  }
  // By year, the regions changed that year: two statements a year however many regions an import touches.
  const regionsByYear = new Map<number, Set<string>>();
  for (const c of changed) {
    const regionId = regionOf.get(c.agencyId);
    if (!regionId) continue;
    const regions = regionsByYear.get(c.year) ?? new Set<string>();
    regions.add(regionId);
    regionsByYear.set(c.year, regions);
  }
  if (dialectOf(db) === 'postgres') {
    // Two transactions refreshing one region-year (two import workers) would each sum without the
    // other's uncommitted rows, and both insert: one region-year at a time, locked until commit, in
    // one order for all (no deadlock); the second then sums with the first's rows committed.
    const keys = [...regionsByYear]
      .flatMap(([year, regions]) => [...regions].map((regionId) => ({ year, regionId })))
      .sort((a, b) => a.year - b.year || (a.regionId < b.regionId ? -1 : a.regionId > b.regionId ? 1 : 0));
    for (const { year, regionId } of keys) {
      await sql`select pg_advisory_xact_lock(hashtext(${`region_year_figures:${regionId}`}), ${year})`.execute(
        db,
      );
    }
  }
  for (const [year, regions] of regionsByYear) {
    const ids = [...regions];
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      await db
        .deleteFrom('region_year_figures')
        .where('region_id', 'in', part)
        .where('year', '=', year)
        .execute();
      await insertRegionYearSums(db, sql`where a.region_id in (${sql.join(part)}) and f.year = ${year}`);
    }
  }
}

async function insertRegionYearSums(db: Kysely<Database>, where: ReturnType<typeof sql>): Promise<void> {
  const columns = sql.join(FIGURE_COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into region_year_figures (region_id, year, reports, incomplete, reports_2019, ${columns})
    select a.region_id, f.year, count(*), sum(case when f.blank_cells > 0 then 1 else 0 end),
      sum(case when f.format_version = '2019' then 1 else 0 end),
      ${sql.join(cellSums(db))}
    from report_figures f join agencies a on a.id = f.agency_id
    ${where}
    group by a.region_id, f.year`.execute(db);
}

/** Recomputes the whole of region_year_figures from report_figures (after a bulk load). */
export async function rebuildRegionYearFigures(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('region_year_figures').execute();
  await insertRegionYearSums(db, sql``);
}

/**
 * Recomputes an agency-year's figures from its newest published version, or removes them when it
 * has none: called when a version is published (or anything else changes a published version).
 */
export async function refreshReportFigures(
  trx: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<void> {
  const newest = await newestPublishedVersion(trx, agencyId, year)
    .select(['id', 'version', 'origin', 'published_on', 'error_count', 'warning_count', 'numbers_json'])
    .executeTakeFirst();
  if (!newest) {
    await trx
      .deleteFrom('report_figures')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute();
    return;
  }
  await storeReportFigures(trx, [
    {
      reportId: newest.id,
      agencyId,
      year,
      version: newest.version,
      origin: newest.origin,
      publishedOn: newest.published_on,
      errorCount: newest.error_count,
      warningCount: newest.warning_count,
      numbers: JSON.parse(newest.numbers_json) as ReportNumbers,
    },
  ]);
}

/** Ids of the agencies of a region and below, those closed by `existingAfter` left out when given. */
function regionAgencyIds(db: Kysely<Database>, regionId: string, existingAfter: IsoDate | null) {
  let query = db
    .selectFrom('agencies')
    .select('agencies.id')
    .where('agencies.region_id', 'in', subregionIds(db, regionId));
  if (existingAfter !== null) {
    query = query.where((eb) =>
      eb.or([eb('agencies.closed_on', 'is', null), eb('agencies.closed_on', '>', existingAfter)]),
    );
  }
  return query;
}

/** A region-year's sums, and how many of the reports summed are in the 2019 format. */
export interface RegionFigureSums extends RegionalTotals {
  /**
   * Reports in the 2019 format: only the cells both formats share are in the sums, so a year with
   * any of them is summed from the reports themselves (latestPublishedReports + regionalTotals).
   */
  reportsOf2019: number;
}

/** The sum of nothing: every cell 0. */
function zeroTotals(): RegionFigureSums {
  return { ...numbersFromCells(FIGURE_COLUMNS.map(() => 0)), reports: 0, incomplete: 0, reportsOf2019: 0 };
}

/**
 * A region's totals for each year from `from` to `to` (years without reports: zero), summed by
 * the database in one query: a cell blank in any report is blank in the totals. Over every agency
 * that had a report (from region_year_figures: a row per region of the subtree and year), or,
 * given `existingAfter`, only over the agencies not closed by then (from report_figures: a row per
 * report).
 */
export async function regionFigureSums(
  db: Kysely<Database>,
  regionId: string,
  from: number,
  to: number,
  existingAfter: IsoDate | null = null,
): Promise<Map<number, RegionFigureSums>> {
  const sums = cellSums(db).map((s, i) => s.as(`c${i}`));
  // The agencies closed by `existingAfter` rarely have reports of the range: when none has, every
  // agency's report counts, and the region-year sums serve.
  const closedWithReports =
    existingAfter !== null &&
    (await db
      .selectFrom('report_figures')
      .select('agency_id')
      .where('year', '>=', from)
      .where('year', '<=', to)
      .where(
        'agency_id',
        'in',
        regionAgencyIds(db, regionId, null).where('agencies.closed_on', '<=', existingAfter),
      )
      .limit(1)
      .executeTakeFirst()) !== undefined;
  const query = !closedWithReports
    ? db
        .selectFrom('region_year_figures as f')
        .select([
          'f.year',
          sql<number>`sum(f.reports)`.as('reports'),
          sql<number>`sum(f.incomplete)`.as('incomplete'),
          sql<number>`sum(f.reports_2019)`.as('reports_2019'),
          ...sums,
        ])
        .where('f.region_id', 'in', subregionIds(db, regionId))
    : db
        .selectFrom('report_figures as f')
        .select([
          'f.year',
          sql<number>`count(*)`.as('reports'),
          sql<number>`sum(case when f.blank_cells > 0 then 1 else 0 end)`.as('incomplete'),
          sql<number>`sum(case when f.format_version = '2019' then 1 else 0 end)`.as('reports_2019'),
          ...sums,
        ])
        .where('f.agency_id', 'in', regionAgencyIds(db, regionId, existingAfter));
  const rows = (await query
    .where('f.year', '>=', from)
    .where('f.year', '<=', to)
    .groupBy('f.year')
    .execute()) as unknown as Array<Record<string, number | null> & { year: number }>;
  const out = new Map<number, RegionFigureSums>();
  for (let year = from; year <= to; year += 1) out.set(year, zeroTotals());
  for (const row of rows) {
    const cells = FIGURE_COLUMNS.map((_, i) => {
      const v = row[`c${i}`];
      return v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v);
    });
    const fees = cells[FEES_INDEX] ?? null;
    cells[FEES_INDEX] = fees === null ? null : fees / YUAN_PER_WAN;
    out.set(Number(row.year), {
      ...numbersFromCells(cells),
      reports: Number(row.reports),
      incomplete: Number(row.incomplete),
      reportsOf2019: Number(row.reports_2019),
    });
  }
  return out;
}

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
