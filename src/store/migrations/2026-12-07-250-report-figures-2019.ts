// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * The 2019 format's own cells in report_figures and region_year_figures (issue 17): a report in
 * the format of 国办公开办函〔2019〕60号 has its own table 二 (each row in its own columns) and prints
 * table 三's （六）其他处理 as one row; until now only the cells both formats share were stored, and
 * a region-year with such reports was summed from the reports' JSON. Adds one column per such cell
 * (f19_t2_<row>_<column>, 采购总金额 ×10,000 as …_amount_e4 so that sums stay exact;
 * f19_t3_other_handling_<column>), fills them from the stored numbers_json of the 2019 reports, counts
 * their blank cells in their own format only (their 2021 table 二 and three （六） rows are not
 * printed, not blank), and sums region_year_figures again with each format's own cells summed over
 * the reports of that format.
 *
 * The lists are written out here (frozen, like every migration): a test checks that they equal
 * FIGURE_COLUMNS and FORMAT2019_FIGURE_COLUMNS.
 */
const TABLE2_2019: Array<[string, string[]]> = [
  ['regulations', ['made', 'published', 'total']],
  ['normativeDocuments', ['made', 'published', 'total']],
  ['licensing', ['previous', 'change', 'decisions']],
  ['otherServices', ['previous', 'change', 'decisions']],
  ['punishment', ['previous', 'change', 'decisions']],
  ['coercion', ['previous', 'change', 'decisions']],
  ['fees', ['previous', 'change']],
  ['procurement', ['projects', 'amount']],
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
const snake = (key: string) => key.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const F19_TABLE2 = TABLE2_2019.flatMap(([row, columns]) =>
  columns.map((c) => ({
    row,
    column: c,
    name: `f19_t2_${snake(row)}_${c === 'amount' ? 'amount_e4' : snake(c)}`,
  })),
);
export const F19_COLUMNS = [
  ...F19_TABLE2.map((c) => c.name),
  ...TABLE3_COLUMNS.map((c) => `f19_t3_other_handling_${c}`),
];

/** The cells of report_figures (migration 120), in its order. */
const TABLE2_2021 = [
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
const TABLE4_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'];
const TABLE4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const OTHER_ROWS = ['other.noCorrection', 'other.noFee', 'other.other'];
/** The cells a 2019-format report does not have: the 2021 table 二 and the three （六） rows. */
export const ONLY_2021_COLUMNS = [
  ...TABLE2_2021,
  ...OTHER_ROWS.flatMap((row) => TABLE3_COLUMNS.map((c) => `t3_${snake(row)}_${c}`)),
];
/** The table-三 rows a 2019-format report has (besides its own （六）其他处理 row). */
const SHARED_ROWS = TABLE3_ROWS.filter((r) => !OTHER_ROWS.includes(r));

type Cell = number | null;

function blanksOf2019(numbers: any, own: Cell[]): number {
  let blank = own.filter((c) => c === null).length;
  for (const row of SHARED_ROWS) {
    for (let i = 0; i < TABLE3_COLUMNS.length; i += 1)
      if ((numbers.table3[row]?.[i] ?? null) === null) blank += 1;
  }
  for (const g of TABLE4_GROUPS) {
    for (let i = 0; i < TABLE4_COLUMNS.length; i += 1)
      if ((numbers.table4[g]?.[i] ?? null) === null) blank += 1;
  }
  return blank;
}

function ownCells(format2019: any): Cell[] {
  return [
    ...F19_TABLE2.map(({ row, column }) => {
      const v: Cell = format2019.table2?.[row]?.[column] ?? null;
      return v === null || column !== 'amount' ? v : Math.round(v * 10_000);
    }),
    ...TABLE3_COLUMNS.map((_, i): Cell => format2019.otherHandling?.[i] ?? null),
  ];
}

const ALL_CELLS = [
  ...TABLE2_2021,
  ...TABLE3_ROWS.flatMap((row) => TABLE3_COLUMNS.map((c) => `t3_${snake(row)}_${c}`)),
  ...TABLE4_GROUPS.flatMap((g) => TABLE4_COLUMNS.map((c) => `t4_${snake(g)}_${c}`)),
  ...F19_COLUMNS,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['report_figures', 'region_year_figures']) {
    for (const column of F19_COLUMNS) {
      await db.schema.alterTable(table).addColumn(column, 'double precision').execute();
    }
  }

  // Backfill the 2019-format reports' rows from their stored numbers (one update a report).
  const rows = await db
    .selectFrom('report_figures as f')
    .innerJoin('annual_reports as r', 'r.id', 'f.report_id')
    .select(['f.agency_id', 'f.year', 'r.numbers_json'])
    .where('f.format_version', '=', '2019')
    .execute();
  for (const r of rows) {
    const numbers = JSON.parse(r.numbers_json);
    if (!numbers.format2019) continue;
    const own = ownCells(numbers.format2019);
    await db
      .updateTable('report_figures')
      .set({
        blank_cells: blanksOf2019(numbers, own),
        ...Object.fromEntries(F19_COLUMNS.map((c, i) => [c, own[i]])),
      })
      .where('agency_id', '=', r.agency_id)
      .where('year', '=', r.year)
      .execute();
  }

  // Region-years summed again: each format's own cells over the reports of that format (0 for the others).
  const only2021 = new Set(ONLY_2021_COLUMNS);
  const f19 = new Set(F19_COLUMNS);
  const cell = (c: string) => {
    const ref = sql.ref(`f.${c}`);
    if (only2021.has(c)) return sql`case when f.format_version = '2019' then 0 else ${ref} end`;
    if (f19.has(c)) return sql`case when f.format_version = '2019' then ${ref} else 0 end`;
    return ref;
  };
  const columns = sql.join(ALL_CELLS.map((c) => sql.ref(c)));
  const sums = sql.join(
    ALL_CELLS.map((c) => sql`case when count(${cell(c)}) = count(*) then sum(${cell(c)}) end`),
  );
  await db.deleteFrom('region_year_figures').execute();
  await sql`insert into region_year_figures (region_id, year, reports, incomplete, reports_2019, ${columns})
    select a.region_id, f.year, count(*), sum(case when f.blank_cells > 0 then 1 else 0 end),
      sum(case when f.format_version = '2019' then 1 else 0 end), ${sums}
    from report_figures f join agencies a on a.id = f.agency_id
    group by a.region_id, f.year`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_figures', 'region_year_figures']) {
    for (const column of F19_COLUMNS) await db.schema.alterTable(table).dropColumn(column).execute();
  }
}
