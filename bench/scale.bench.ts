/**
 * A province's ten years (issue 19 item 4): on the synthetic province of bench/scale (2,000
 * agencies, 2016–2025, 2 million applications, 20,000 reports at GONGKAI_SCALE=1, the default),
 * on SQLite (a file) and PostgreSQL (TEST_DATABASE_URL, a schema of its own, dropped afterwards;
 * skipped with a note when unreachable), the median and p95 of: the province's year overview and
 * totals, its ten-year history, the busiest agency's inbox (first page of open cases by deadline,
 * and of all cases), the public statistics page (ten years), assembly of the busiest agency's
 * year (rolled back) and the export of the province's ten years (CSV).
 * Goals on PostgreSQL (p95): overview < 300 ms, history < 500 ms, inbox page < 50 ms,
 * public statistics < 200 ms, assembly < 200 ms.
 */
import { sql } from 'kysely';
import { OPEN_APPLICATION_STATUSES } from '../src/core/applications/application.ts';
import { momentOf } from '../src/core/moment.ts';
import { listApplications } from '../src/store/applications/list-applications.ts';
import type { DialectName, OpenedDatabase } from '../src/store/dialect.ts';
import { migrateToLatest } from '../src/store/migrations/migrate.ts';
import { regionByCode } from '../src/store/region/regional-agencies.ts';
import { regionHistory, regionOverview, regionYearTotals } from '../src/store/region/regional-overview.ts';
import { rebuildRegionYearFigures } from '../src/store/region/report-figures.ts';
import { loadRegionWorkRecords } from '../src/store/work-records/load-work-records.ts';
import { exportRegion } from '../src/use-cases/region/export-region.ts';
import { assembleAnnualReport } from '../src/use-cases/reports/assemble-annual-report.ts';
import { benchPostgres, benchSqlite, PG_URL } from './bench-databases.ts';
import { type Measure, peakRssMiB } from './measure.ts';
import { type BulkSink, postgresSink, sqliteSink } from './scale/bulk-insert.ts';
import { FIRST_YEAR, generateProvince, LAST_YEAR } from './scale/generate-province.ts';

const SCALE = Number(process.env.GONGKAI_SCALE ?? '1');
const TODAY = '2026-02-15';
const NOW = momentOf(new Date('2026-02-15T02:00:00.000Z'));

class Rollback extends Error {}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
}

async function timed(runs: number, run: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 2; i += 1) await run(); // warm-up: statement caches, buffer cache, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

interface Target {
  dialect: DialectName;
  opened: OpenedDatabase;
  sink(): Promise<BulkSink>;
  cleanup(): Promise<void>;
}

function sqliteTarget(): Target {
  const base = benchSqlite('scale');
  return { ...base, sink: async () => sqliteSink(base.file) };
}

async function postgresTarget(): Promise<Target | null> {
  const base = await benchPostgres('scale');
  return base && { ...base, sink: () => postgresSink(base.url) };
}

async function measureTarget(target: Target): Promise<Measure[]> {
  const { opened, dialect } = target;
  const { db } = opened;
  await migrateToLatest(db);
  const loadStart = performance.now();
  const sink = await target.sink();
  const province = await generateProvince(sink, SCALE).finally(() => sink.close());
  // Each region's sums by year, as publishing keeps them (the generator loads report_figures).
  await rebuildRegionYearFigures(db);
  await sql`analyze region_year_figures`.execute(db);
  const loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;
  process.stderr.write(
    `scale bench (${dialect}): ${province.agencies} agencies, ${province.applications} applications, ${province.reports} reports, ${province.workRecords} work records loaded in ${loadSeconds} s\n`,
  );
  const region = await regionByCode(db, province.provinceCode);
  const city = await regionByCode(db, province.cityCode);
  const agencyId = province.busiestAgencyId;
  // The busiest agency's last year is assembled (its imported report of that year is removed).
  await db
    .deleteFrom('report_figures')
    .where('agency_id', '=', agencyId)
    .where('year', '=', LAST_YEAR)
    .execute();
  await db
    .deleteFrom('annual_reports')
    .where('agency_id', '=', agencyId)
    .where('year', '=', LAST_YEAR)
    .execute();

  const fixture = `${province.agencies} agencies, ${province.applications} applications, ${province.reports} reports (GONGKAI_SCALE=${SCALE})`;
  const cases: Array<{
    key: string;
    what: string;
    runs: number;
    run: () => Promise<unknown>;
    goal?: number;
  }> = [
    {
      key: 'overview',
      what: `regionOverview of the province for ${LAST_YEAR - 1} (every agency's status, totals checked, rates)`,
      runs: 20,
      goal: 300,
      run: () => regionOverview(db, region, LAST_YEAR - 1, TODAY),
    },
    {
      key: 'history',
      what: `regionHistory of the province over ${FIRST_YEAR}–${LAST_YEAR}`,
      runs: 20,
      goal: 500,
      run: () => regionHistory(db, region, FIRST_YEAR, LAST_YEAR),
    },
    {
      key: 'inbox',
      what: `first page (20) of the busiest agency's open applications by deadline, with the total (${province.busiestAgencyApplications} applications)`,
      runs: 50,
      goal: 50,
      run: () =>
        listApplications(db, agencyId, { status: OPEN_APPLICATION_STATUSES }, { limit: 20, order: 'due' }),
    },
    {
      key: 'inboxAll',
      what: `first page (20) of all the busiest agency's applications, latest first, with the total (${province.busiestAgencyApplications} applications)`,
      runs: 50,
      goal: 50,
      run: () => listApplications(db, agencyId, {}, { limit: 20 }),
    },
    {
      key: 'publicStatistics',
      what: `the public statistics of the province over ${FIRST_YEAR}–${LAST_YEAR} (regionYearTotals, as GET /public/regions/:code/statistics)`,
      runs: 20,
      goal: 200,
      run: () => regionYearTotals(db, region, FIRST_YEAR, LAST_YEAR),
    },
    {
      key: 'assembly',
      what: `assembleAnnualReport of the busiest agency's ${LAST_YEAR} (count, draft, insert, audit; rolled back)`,
      runs: 20,
      goal: 200,
      run: () =>
        db
          .transaction()
          .execute(async (trx) => {
            await assembleAnnualReport(
              trx,
              { agencyId, year: LAST_YEAR },
              { userId: null, label: '基准', role: 'officer' },
              NOW,
            );
            throw new Rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          }),
    },
    {
      key: 'regionWork',
      what: `the work records of ${LAST_YEAR} of every agency of a city and its counties (GET /region/regions/:code/years/:year/work)`,
      runs: 10,
      run: () => loadRegionWorkRecords(db, city.code, LAST_YEAR),
    },
    {
      key: 'export',
      what: `CSV export of the province's ten years (${FIRST_YEAR}–${LAST_YEAR}), one row per agency-year`,
      runs: 5,
      run: () => exportRegion(db, region, FIRST_YEAR, LAST_YEAR, 'csv'),
    },
  ];
  const out: Measure[] = [];
  for (const c of cases) {
    const { median, p95 } = await timed(c.runs, c.run);
    const goal = c.goal ? `; goal p95 < ${c.goal} ms on PostgreSQL` : '';
    process.stderr.write(`  ${c.key}: median ${median} ms, p95 ${p95} ms\n`);
    out.push(
      {
        name: `scale.${dialect}.${c.key}.medianMs`,
        value: median,
        unit: 'ms',
        what: `${c.what}, median of ${c.runs} runs after warm-up, ${dialect}, ${fixture}`,
        peakRssMiB: peakRssMiB(),
      },
      {
        name: `scale.${dialect}.${c.key}.p95Ms`,
        value: p95,
        unit: 'ms',
        what: `${c.what}, p95 of ${c.runs} runs after warm-up, ${dialect}, ${fixture}${goal}`,
      },
    );
  }
  out.push({
    name: `scale.${dialect}.load.seconds`,
    value: loadSeconds,
    unit: 's',
    what: `generating and bulk-loading the synthetic province (${fixture}, plus ${province.workRecords} work records) and ANALYZE, ${dialect}`,
  });
  return out;
}

export async function measures(): Promise<Measure[]> {
  if (!(SCALE > 0 && SCALE <= 1))
    throw new Error(`GONGKAI_SCALE must be in (0, 1], got ${process.env.GONGKAI_SCALE}`);
  const out: Measure[] = [];
  const only = process.env.GONGKAI_SCALE_ENGINE;
  for (const make of [async () => sqliteTarget(), postgresTarget]) {
    const target = await make();
    if (!target) {
      process.stderr.write(
        `scale bench: PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable, skipped\n`,
      );
      continue;
    }
    try {
      if (!only || only === target.dialect) out.push(...(await measureTarget(target)));
    } finally {
      await target.cleanup();
    }
  }
  return out;
}
