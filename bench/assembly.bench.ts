import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { momentOf } from '../src/core/moment.ts';
import { type DialectName, type OpenedDatabase, openDatabase } from '../src/store/dialect.ts';
import { migrateToLatest } from '../src/store/migrations/migrate.ts';
import { createAgency, createRegion } from '../src/store/organisation/organisation.repository.ts';
import { countReportNumbers } from '../src/store/reports/count-report-numbers.ts';
import { assembleAnnualReport } from '../src/use-cases/reports/assemble-annual-report.ts';
import { insertRandomApplications } from '../test/support/insert-applications.ts';
import { enterTestFigures, fileTestCase, issueTestDocument } from '../test/support/report-records.ts';
import type { Measure } from './measure.ts';

const APPLICATIONS = 100_000;
/** Another agency's applications in the same table, so that the query must pick the agency's rows. */
const NOISE = 100_000;
const RUNS = 30;
const YEAR = 2025;
const NOW = momentOf(new Date('2026-01-10T02:00:00.000Z'));
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_test';

class Rollback extends Error {}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
}

async function timed(run: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i += 1) await run(); // warm-up: statement caches, buffer cache, JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function measureOn(dialect: DialectName, opened: OpenedDatabase): Promise<Measure[]> {
  const { db } = opened;
  await migrateToLatest(db);
  const region = await createRegion(db, {
    code: `B${randomBytes(3).toString('hex')}`,
    name: '基准市',
    level: 'city',
  });
  const agency = await createAgency(db, { regionId: region.id, name: '基准市数据局', kind: 'department' });
  const other = await createAgency(db, { regionId: region.id, name: '基准市另一局', kind: 'department' });
  // Receipts from mid-2024 to the end of 2025: the year has both carry-over and carry-forward.
  await insertRandomApplications(db, {
    agencyId: agency.id,
    count: APPLICATIONS,
    seed: 1,
    from: '2024-07-01',
    days: 548,
  });
  await insertRandomApplications(db, {
    agencyId: other.id,
    count: NOISE,
    seed: 2,
    from: '2024-07-01',
    days: 548,
  });
  for (let i = 1; i <= 40; i += 1)
    await issueTestDocument(db, agency.id, `2025-0${1 + (i % 9)}-1${i % 10}`, i);
  await enterTestFigures(db, agency.id, YEAR);
  for (let i = 0; i < 30; i += 1) await fileTestCase(db, agency.id, 'review', '2025-03-03');
  // Planner statistics, as a database in service has them (autovacuum / PRAGMA optimize).
  await sql`analyze`.execute(db);

  const counting = await timed(() => countReportNumbers(db, agency.id, YEAR));
  const assembling = await timed(() =>
    db
      .transaction()
      .execute(async (trx) => {
        await assembleAnnualReport(
          trx,
          { agencyId: agency.id, year: YEAR },
          { userId: null, label: '基准', role: 'officer' },
          NOW,
        );
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      }),
  );
  const what = `one agency-year from ${APPLICATIONS.toLocaleString('en')} applications (plus ${NOISE.toLocaleString('en')} of another agency in the table), ${RUNS} runs after warm-up`;
  return [
    {
      name: `assembly.${dialect}.countTablesMedianMs`,
      value: counting.median,
      unit: 'ms',
      what: `countReportNumbers (tables 二, 三, 四 by SQL aggregation) on ${dialect}, ${what}; p95 ${counting.p95} ms`,
    },
    {
      name: `assembly.${dialect}.assembleReportMedianMs`,
      value: assembling.median,
      unit: 'ms',
      what: `assembleAnnualReport (count, draft section 一, validate, insert, audit; rolled back) on ${dialect}, ${what}; p95 ${assembling.p95} ms; target < 200 ms`,
    },
  ];
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function measures(): Promise<Measure[]> {
  const results: Measure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const sqlite = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    results.push(...(await measureOn('sqlite', sqlite)));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const schema = `gk_bench_${randomBytes(6).toString('hex')}`;
  try {
    await adminQuery(`create schema ${schema}`);
  } catch (error) {
    process.stderr.write(`assembly bench: PostgreSQL unreachable (${(error as Error).message}), skipped\n`);
    return results;
  }
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const postgres = openDatabase(url.toString());
  try {
    results.push(...(await measureOn('postgres', postgres)));
  } finally {
    await postgres.close();
    await adminQuery(`drop schema ${schema} cascade`);
  }
  return results;
}
