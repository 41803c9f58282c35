/**
 * The supervising office at scale: regional totals (the year's overview) over 10,000 agency
 * reports, and importing 1,000 text reports (read in the IngestWorker, checked, stored) — on
 * SQLite (a file) and PostgreSQL (TEST_DATABASE_URL, a schema of its own, dropped afterwards;
 * skipped with a note when unreachable). Targets (issue #6): totals < 500 ms, import ≥ 200 reports/s.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { momentOf } from '../src/core/moment.ts';
import { IngestWorker } from '../src/documents/ingest/ingest-pool.ts';
import { loadDocumentsConfig } from '../src/server/config.ts';
import type { OpenedDatabase } from '../src/store/dialect.ts';
import { planImport } from '../src/store/imports/import-plan.ts';
import { numbersOf } from '../src/store/imports/imported-reports.ts';
import { migrateToLatest } from '../src/store/migrations/migrate.ts';
import { createRegion } from '../src/store/organisation/organisation.repository.ts';
import { regionOverview } from '../src/store/region/regional-overview.ts';
import { storeReportFigures } from '../src/store/region/report-figures.ts';
import { commitImport } from '../src/use-cases/imports/commit-import.ts';
import { generateValidReport } from '../test/support/generate-report.ts';
import { reportToText } from '../test/support/report-to-text.ts';
import { type BenchDatabase, benchPostgres, benchSqlite, PG_URL } from './bench-databases.ts';
import { type Measure, peakRssMiB } from './measure.ts';

const TOTALS_AGENCIES = 10_000;
const IMPORT_REPORTS = 1_000;

type Target = BenchDatabase;

const sqliteTarget = async (): Promise<Target> => benchSqlite('bench');
const postgresTarget = (): Promise<Target | null> => benchPostgres('bench');

/** 10,000 agencies with a published 2024 report each (and a 2023 one for the history), inserted in bulk. */
async function seedTotals(opened: OpenedDatabase) {
  const db = opened.db;
  const region = await createRegion(db, {
    code: `B${randomBytes(4).toString('hex')}`,
    name: '基准市',
    level: 'city',
  });
  const now = new Date().toISOString();
  for (let start = 0; start < TOTALS_AGENCIES; start += 500) {
    const agencies = Array.from({ length: Math.min(500, TOTALS_AGENCIES - start) }, (_, k) => ({
      id: randomUUID(),
      region_id: region.id,
      name: `基准市第${start + k}局`,
      kind: 'department' as const,
    }));
    await db.insertInto('agencies').values(agencies).execute();
    const rows = agencies.flatMap((a, k) =>
      [2023, 2024].map((year) => {
        const report = generateValidReport(start + k + year * 100_000, { agency: a.name, year });
        return {
          id: randomUUID(),
          agency_id: a.id,
          year,
          version: 1,
          status: 'published' as const,
          origin: 'imported' as const,
          report_json: JSON.stringify(report),
          numbers_json: JSON.stringify(numbersOf(report)),
          error_count: 0,
          warning_count: 0,
          published_on: report.publishedOn,
          correction_reason: null,
          source_file_name: null,
          source_sha256: null,
          created_by: null,
          revision: 1,
          created_at: now,
          updated_at: now,
        };
      }),
    );
    for (let i = 0; i < rows.length; i += 100)
      await db
        .insertInto('annual_reports')
        .values(rows.slice(i, i + 100))
        .execute();
    // As publishing keeps them (the figures the regional totals are summed from).
    await storeReportFigures(
      db,
      rows.map((r) => ({
        reportId: r.id,
        agencyId: r.agency_id,
        year: r.year,
        version: r.version,
        origin: r.origin,
        publishedOn: r.published_on,
        errorCount: 0,
        warningCount: 0,
        numbers: JSON.parse(r.numbers_json),
      })),
    );
  }
  return region;
}

async function measureTarget(target: Target): Promise<Measure[]> {
  const { opened, dialect } = target;
  await migrateToLatest(opened.db);
  const region = await seedTotals(opened);
  const times: number[] = [];
  let reports = 0;
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    const overview = await regionOverview(opened.db, region, 2024, '2025-06-30');
    times.push(performance.now() - start);
    reports = overview.totals.reports;
  }
  if (reports !== TOTALS_AGENCIES)
    throw new Error(`totals over ${reports} reports, expected ${TOTALS_AGENCIES}`);
  times.sort((a, b) => a - b);

  const importRegion = await createRegion(opened.db, {
    code: `I${randomBytes(4).toString('hex')}`,
    name: '导入市',
    level: 'city',
  });
  const encoder = new TextEncoder();
  const files = Array.from({ length: IMPORT_REPORTS }, (_, i) => {
    const report = generateValidReport(i + 1, { agency: `导入市第${i}局`, year: 2024 });
    return { name: `${i}.txt`, bytes: encoder.encode(reportToText(report)) };
  });
  for (let start = 0; start < IMPORT_REPORTS; start += 500) {
    await opened.db
      .insertInto('agencies')
      .values(
        files.slice(start, start + 500).map((_, k) => ({
          id: randomUUID(),
          region_id: importRegion.id,
          name: `导入市第${start + k}局`,
          kind: 'department' as const,
        })),
      )
      .execute();
  }
  const worker = new IngestWorker({ pdfReader: loadDocumentsConfig().pdfReader });
  const importStart = performance.now();
  const plan = await planImport(
    opened.db,
    (bytes, name) => worker.read(bytes, name),
    files.map((f) => ({ name: f.name, read: () => f.bytes })),
    { regionId: importRegion.id },
  );
  const summary = await opened.db
    .transaction()
    .execute((trx) =>
      commitImport(
        trx,
        randomUUID(),
        importRegion.id,
        plan,
        { userId: null, label: '基准测试' },
        momentOf(new Date()),
      ),
    );
  const importMs = performance.now() - importStart;
  await worker.close();
  if (summary.imported !== IMPORT_REPORTS)
    throw new Error(`imported ${summary.imported} of ${IMPORT_REPORTS}`);
  return [
    {
      name: `region.totals.${dialect}.ms`,
      value: Math.round(times[Math.floor(times.length / 2)]!),
      unit: 'ms',
      what: `regionOverview for one year over ${TOTALS_AGENCIES} agencies with a published report each (statuses, totals from numbers_json, totals checked, 5-year history), median of 5 runs, ${dialect}`,
      peakRssMiB: peakRssMiB(),
    },
    {
      name: `region.import.${dialect}.reportsPerSecond`,
      value: Math.round((IMPORT_REPORTS / importMs) * 1000),
      unit: 'reports/s',
      what: `import of ${IMPORT_REPORTS} text reports: read in the IngestWorker, checked, matched, stored with audit entries in one transaction, ${dialect}`,
      peakRssMiB: peakRssMiB(),
    },
  ];
}

export async function measures(): Promise<Measure[]> {
  const out: Measure[] = [];
  for (const make of [sqliteTarget, postgresTarget]) {
    const target = await make();
    if (!target) {
      process.stderr.write(
        `region bench: PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable, skipped\n`,
      );
      continue;
    }
    try {
      out.push(...(await measureTarget(target)));
    } finally {
      await target.cleanup();
    }
  }
  return out;
}
