// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * The figures of each agency-year's newest published annual report, one row per agency-year, one
 * column per table cell (the regional export's cell names, t2_… t3_… t4_…; the fees in 元, so that
 * sums stay exact), so that a region's totals over ten years are one SUM … GROUP BY year in the
 * database instead of parsing every report's numbers_json. A blank cell is null (a region's cell
 * with a blank in any report is blank); blank_cells counts them. Kept up to date in the
 * transaction that publishes or imports a report; filled here from the reports already stored.
 * region_year_figures holds, for each region and year, the sums of its own agencies' rows (same
 * columns, null where any report is blank), refreshed with them.
 *
 * The cell list is written out here (frozen, like every migration): a test checks that it equals
 * the export's EXPORT_CELL_COLUMNS.
 */
const TABLE2 = [
  't2_regulations_issued',
  't2_regulations_repealed',
  't2_regulations_in_force',
  't2_normative_documents_issued',
  't2_normative_documents_repealed',
  't2_normative_documents_in_force',
  't2_licensing',
  't2_punishment',
  't2_coercion',
  't2_fees_yuan',
];
const TABLE3_ROWS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partial',
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.threeSafetyOneStability',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementFile',
  'denied.adminQuery',
  'unable.notHeld',
  'unable.needCreation',
  'unable.stillUnclear',
  'notProcessed.petition',
  'notProcessed.repeat',
  'notProcessed.publication',
  'notProcessed.massive',
  'notProcessed.confirmOrReissue',
  'other.noCorrection',
  'other.noFee',
  'other.other',
  'totalConcluded',
  'carriedForward',
];
const TABLE3_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'social_welfare',
  'legal_service',
  'other',
  'total',
];
const TABLE4_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'];
const TABLE4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];

const snake = (key: string) => key.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const CELLS = [
  ...TABLE2,
  ...TABLE3_ROWS.flatMap((row) => TABLE3_COLUMNS.map((c) => `t3_${snake(row)}_${c}`)),
  ...TABLE4_GROUPS.flatMap((g) => TABLE4_COLUMNS.map((c) => `t4_${snake(g)}_${c}`)),
];

type Cell = number | null;

/** The cells of numbers_json in CELLS order, the fees turned into 元. */
function cellsOf(numbers: any): Cell[] {
  const t2 = numbers.table2;
  const fees: Cell = t2.feesWanYuan;
  return [
    t2.regulations.issued,
    t2.regulations.repealed,
    t2.regulations.inForce,
    t2.normativeDocuments.issued,
    t2.normativeDocuments.repealed,
    t2.normativeDocuments.inForce,
    t2.licensing,
    t2.punishment,
    t2.coercion,
    fees === null ? null : Math.round(fees * 10_000),
    ...TABLE3_ROWS.flatMap((row) => TABLE3_COLUMNS.map((_, i) => numbers.table3[row]?.[i] ?? null)),
    ...TABLE4_GROUPS.flatMap((g) => TABLE4_COLUMNS.map((_, i) => numbers.table4[g]?.[i] ?? null)),
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('report_figures')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    .addColumn('blank_cells', 'integer', (c) => c.notNull())
    // '2019' for a report in the 2019 format (国办公开办函〔2019〕60号), whose cells here are only the
    // ones both formats share: the region's sums of a year with such reports are made from their JSON.
    .addColumn('format_version', 'text', (c) => c.notNull().defaultTo('2021'));
  // double precision: a report may state a fraction (the validator warns, the report is still
  // published); whole numbers, and the fees in 元, add up exactly far beyond any province's counts.
  for (const cell of CELLS) table = table.addColumn(cell, 'double precision');
  await table.addPrimaryKeyConstraint('report_figures_pkey', ['agency_id', 'year']).execute();
  await db.schema.createIndex('report_figures_year_index').on('report_figures').column('year').execute();

  // Backfill: the newest published version of each agency-year, 500 reports a statement.
  const newest = await db
    .selectFrom('annual_reports as r')
    .select('r.id')
    .where('r.status', '=', 'published')
    .where(({ eb, selectFrom }) =>
      eb(
        'r.version',
        '=',
        selectFrom('annual_reports as n')
          .select((n) => n.fn.max('n.version').as('v'))
          .whereRef('n.agency_id', '=', 'r.agency_id')
          .whereRef('n.year', '=', 'r.year')
          .where('n.status', '=', 'published'),
      ),
    )
    .execute();
  const ids = newest.map((r) => r.id as string);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('annual_reports')
      .select([
        'id',
        'agency_id',
        'year',
        'version',
        'origin',
        'published_on',
        'error_count',
        'warning_count',
        'numbers_json',
      ])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    const values = rows.map((r) => {
      const cells = cellsOf(JSON.parse(r.numbers_json));
      return {
        agency_id: r.agency_id,
        year: r.year,
        report_id: r.id,
        version: r.version,
        origin: r.origin,
        published_on: r.published_on,
        error_count: r.error_count,
        warning_count: r.warning_count,
        blank_cells: cells.filter((c) => c === null).length,
        format_version: JSON.parse(r.numbers_json).format2019 ? '2019' : '2021',
        ...Object.fromEntries(CELLS.map((name, c) => [name, cells[c]])),
      };
    });
    // 100 rows of ~210 values a statement: under SQLite's and PostgreSQL's parameter limits.
    for (let j = 0; j < values.length; j += 100) {
      await db
        .insertInto('report_figures')
        .values(values.slice(j, j + 100))
        .execute();
    }
  }

  // Each region's own agencies' sums by year (a region's totals are the sum of the rows of its
  // subtree: a few hundred rows for ten years of a province instead of 20,000 reports).
  let sums = db.schema
    .createTable('region_year_figures')
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('incomplete', 'integer', (c) => c.notNull())
    .addColumn('reports_2019', 'integer', (c) => c.notNull().defaultTo(0));
  for (const cell of CELLS) sums = sums.addColumn(cell, 'double precision');
  await sums.addPrimaryKeyConstraint('region_year_figures_pkey', ['region_id', 'year']).execute();
  const cells = sql.join(CELLS.map((c) => sql.ref(c)));
  const sumsOfCells = sql.join(
    CELLS.map(
      (c) => sql`case when count(${sql.ref(`f.${c}`)}) = count(*) then sum(${sql.ref(`f.${c}`)}) end`,
    ),
  );
  await sql`insert into region_year_figures (region_id, year, reports, incomplete, reports_2019, ${cells})
    select a.region_id, f.year, count(*), sum(case when f.blank_cells > 0 then 1 else 0 end),
      sum(case when f.format_version = '2019' then 1 else 0 end), ${sumsOfCells}
    from report_figures f join agencies a on a.id = f.agency_id
    group by a.region_id, f.year`.execute(db);
  if (ids.length > 0) await sql`analyze report_figures`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('region_year_figures').execute();
  await db.schema.dropTable('report_figures').execute();
}
