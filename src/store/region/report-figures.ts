import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { RegionalTotals } from '../../core/region/aggregate-reports.ts';
import {
  EXPORT_CELL_COLUMNS,
  numbersFromCells,
  type ReportNumbers,
  reportCells,
  TABLE3_COLUMN_KEYS,
  table3CellColumn,
} from '../../core/region/export-columns.ts';
import { TABLE3_ROW_KEYS, table3Group } from '../../core/report/labels.ts';
import type { Database } from '../database.ts';
import { dialectOf } from '../dialect.ts';
import { subregionIds } from '../organisation/subregion-ids.ts';
import { newestPublishedVersion } from '../reports/read-annual-reports.ts';
import {
  FORMAT2019_FIGURE_COLUMNS,
  format2019FigureCells,
  format2019FromFigureCells,
} from './format-2019-figures.ts';

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

/**
 * The cells a report in the 2019 format does not have (the 2021 table 二, table 三's three （六）
 * rows): null in its row without being blank, and left out of the sums of its format.
 */
const ONLY_2021: ReadonlySet<string> = new Set([
  ...FIGURE_COLUMNS.filter((c) => c.startsWith('t2_')),
  ...TABLE3_ROW_KEYS.filter((k) => table3Group(k) === 'other').flatMap((k) =>
    TABLE3_COLUMN_KEYS.map((_, c) => table3CellColumn(k, c)),
  ),
]);
/** Every cell column: the shared and 2021 ones, then the 2019 format's own (format-2019-figures.ts). */
const ALL_CELL_COLUMNS = [...FIGURE_COLUMNS, ...FORMAT2019_FIGURE_COLUMNS];

/** The columns of a report's summary (besides agency_id). */
export const SUMMARY_COLUMNS = [
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
  const of2019 = f.numbers.format2019 !== undefined;
  const own2019 = format2019FigureCells(f.numbers.format2019);
  // Blank: a cell of the report's own format left empty (a 2019 report has no 2021 table 二).
  const blank = of2019
    ? FIGURE_COLUMNS.filter((c, i) => !ONLY_2021.has(c) && cells[i] === null).length +
      own2019.filter((c) => c === null).length
    : cells.filter((c) => c === null).length;
  return {
    agency_id: f.agencyId,
    year: f.year,
    report_id: f.reportId,
    version: f.version,
    origin: f.origin,
    published_on: f.publishedOn,
    error_count: f.errorCount,
    warning_count: f.warningCount,
    blank_cells: blank,
    format_version: of2019 ? '2019' : '2021',
    ...Object.fromEntries(FIGURE_COLUMNS.map((name, i) => [name, cells[i] ?? null])),
    ...Object.fromEntries(FORMAT2019_FIGURE_COLUMNS.map((name, i) => [name, own2019[i] ?? null])),
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
    [...REPLACED, ...ALL_CELL_COLUMNS].map((c) => [c, sql`excluded.${sql.ref(c)}`]),
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
 * The sum of each cell (null when any row is blank there), as SQL over rows aliased `f`, in
 * ALL_CELL_COLUMNS order. On PostgreSQL a blank counts as NaN, which every sum it enters keeps,
 * turned back into null (one aggregate a cell instead of two: 210 fewer for the planner and the
 * executor); SQLite has no NaN, so there a cell's sum is kept only when it counted every row.
 * `ofReports`: the rows are report_figures, where each format's own cells count only in the rows
 * of that format (the others add 0); region_year_figures' rows are already such sums.
 */
function cellSums(db: Kysely<Database>, ofReports: boolean) {
  const cell = (c: string) => {
    const ref = sql.ref(`f.${c}`);
    if (!ofReports) return ref;
    if (ONLY_2021.has(c)) return sql`case when f.format_version = '2019' then 0 else ${ref} end`;
    if (FORMAT2019_FIGURE_COLUMNS.includes(c))
      return sql`case when f.format_version = '2019' then ${ref} else 0 end`;
    return ref;
  };
  if (dialectOf(db) === 'postgres') {
    return ALL_CELL_COLUMNS.map((c) => sql`nullif(sum(coalesce(${cell(c)}, 'NaN')), 'NaN')`);
  }
  return ALL_CELL_COLUMNS.map((c) => sql`case when count(${cell(c)}) = count(*) then sum(${cell(c)}) end`);
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
  const columns = sql.join(ALL_CELL_COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into region_year_figures (region_id, year, reports, incomplete, reports_2019, ${columns})
    select a.region_id, f.year, count(*), sum(case when f.blank_cells > 0 then 1 else 0 end),
      sum(case when f.format_version = '2019' then 1 else 0 end),
      ${sql.join(cellSums(db, true))}
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
export function regionAgencyIds(db: Kysely<Database>, regionId: string, existingAfter: IsoDate | null) {
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

/**
 * A region-year's sums (`format2019`: the 2019-format reports' own parts, when there are any), and
 * how many of the reports summed are in the 2019 format.
 */
export interface RegionFigureSums extends RegionalTotals {
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
  const sums = (ofReports: boolean) => cellSums(db, ofReports).map((s, i) => s.as(`c${i}`));
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
          ...sums(false),
        ])
        .where('f.region_id', 'in', subregionIds(db, regionId))
    : db
        .selectFrom('report_figures as f')
        .select([
          'f.year',
          sql<number>`count(*)`.as('reports'),
          sql<number>`sum(case when f.blank_cells > 0 then 1 else 0 end)`.as('incomplete'),
          sql<number>`sum(case when f.format_version = '2019' then 1 else 0 end)`.as('reports_2019'),
          ...sums(true),
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
    const all = ALL_CELL_COLUMNS.map((_, i) => {
      const v = row[`c${i}`];
      return v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v);
    });
    const cells = all.slice(0, FIGURE_COLUMNS.length);
    const fees = cells[FEES_INDEX] ?? null;
    cells[FEES_INDEX] = fees === null ? null : fees / YUAN_PER_WAN;
    const { table2, table3, table4 } = numbersFromCells(cells);
    const reportsOf2019 = Number(row.reports_2019);
    out.set(Number(row.year), {
      table2,
      table3,
      table4,
      ...(reportsOf2019 > 0
        ? { format2019: format2019FromFigureCells(all.slice(FIGURE_COLUMNS.length)) }
        : {}),
      reports: Number(row.reports),
      incomplete: Number(row.incomplete),
      reportsOf2019,
    });
  }
  return out;
}
