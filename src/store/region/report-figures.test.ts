import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { importCorpusThroughStore } from '../../../test/support/import-corpus.ts';
import { createCorpusRegion, regionCorpus } from '../../../test/support/region-corpus.ts';
import { insertTestReportVersion } from '../../../test/support/report-records.ts';
import { reportToText } from '../../../test/support/report-to-text.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { aggregateReports } from '../../core/region/aggregate-reports.ts';
import { EXPORT_CELL_COLUMNS } from '../../core/region/export-columns.ts';
import type { Report } from '../../core/report/schema.ts';
import type { Database } from '../database.ts';
import { createAgency } from '../organisation/organisation.repository.ts';
import { regionOverview, regionYearTotals } from './regional-overview.ts';
import { FIGURE_COLUMNS } from './report-figures.ts';

const TODAY = '2026-02-15';

/**
 * The newest published version of each agency-year, read here from annual_reports with plain
 * JavaScript (not through report_figures), its tables parsed from numbers_json.
 */
async function newestPublished(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('annual_reports')
    .select(['id', 'agency_id', 'year', 'version', 'numbers_json'])
    .where('status', '=', 'published')
    .execute();
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.agency_id}|${r.year}`;
    if ((newest.get(key)?.version ?? 0) < r.version) newest.set(key, r);
  }
  return newest;
}

/** report_figures has one row per agency-year with a published report: the newest version's id. */
async function expectFiguresOfNewest(db: Kysely<Database>) {
  const newest = await newestPublished(db);
  const stored = await db.selectFrom('report_figures').select(['agency_id', 'year', 'report_id']).execute();
  expect(new Map(stored.map((s) => [`${s.agency_id}|${s.year}`, s.report_id]))).toEqual(
    new Map([...newest].map(([key, r]) => [key, r.id])),
  );
}

/** The region's totals (history and overview) equal aggregateReports of the newest numbers_json. */
async function expectTotalsOfNumbers(db: Kysely<Database>, region: { id: string }, years: number[]) {
  await expectFiguresOfNewest(db);
  const newest = [...(await newestPublished(db)).values()];
  const totals = await regionYearTotals(db, region, Math.min(...years), Math.max(...years));
  for (const t of totals) {
    const parts = newest.filter((r) => r.year === t.year).map((r) => JSON.parse(r.numbers_json) as Report);
    expect(t.totals, `${t.year}`).toEqual(aggregateReports(parts));
  }
}

describeEachDialect('report_figures and region_year_figures', (t) => {
  it('name the cells as the export does, the fees in 元', () => {
    expect(FIGURE_COLUMNS.filter((c, i) => c !== EXPORT_CELL_COLUMNS[i])).toEqual(['t2_fees_yuan']);
  });

  it('follow import, re-import and publication, blanks and fractions included, never drifting from numbers_json', async () => {
    const years = [2023, 2024];
    const corpus = regionCorpus({ agencies: 7, years, seed: 29 });
    const { region, agencies } = await createCorpusRegion(t.db, corpus);
    await importCorpusThroughStore(t.db, region.id, corpus);
    await expectTotalsOfNumbers(t.db, region, years);

    // Re-import: a newer version of one agency-year, with a fee in fractions of 万元 and a blank cell.
    const target = corpus.files.find((f) => f.report.year === 2024)!;
    const corrected = generateValidReport(777, { agency: target.agencyName, year: 2024 });
    corrected.publishedOn = target.report.publishedOn;
    corrected.table2.feesWanYuan = 1.2345;
    corrected.table2.punishment = null;
    await importCorpusThroughStore(t.db, region.id, {
      files: [{ ...target, name: 'v2.txt', text: reportToText(corrected), report: corrected }],
    });
    await expectTotalsOfNumbers(t.db, region, years);
    const of2024 = (await regionYearTotals(t.db, region, 2024, 2024))[0]!;
    const reimported = JSON.parse(
      (
        await t.db
          .selectFrom('annual_reports')
          .select('numbers_json')
          .where('source_file_name', '=', 'v2.txt')
          .executeTakeFirstOrThrow()
      ).numbers_json,
    ) as Report;
    if (reimported.table2.punishment === null) {
      expect(of2024.totals.table2.punishment).toBeNull();
      expect(of2024.totals.incomplete).toBe(1);
    }

    // Publication (a version stored as published, then refreshed as publishing does), and a
    // correction published as version 2 of the same agency-year.
    const agencyId = [...agencies.values()][0]!.id;
    await insertTestReportVersion(t.db, agencyId, 2022, 'published');
    await expectTotalsOfNumbers(t.db, region, [2022, 2023, 2024]);
    await insertTestReportVersion(t.db, agencyId, 2022, 'draft');
    await expectTotalsOfNumbers(t.db, region, [2022]);
    await insertTestReportVersion(t.db, agencyId, 2022, 'published');
    await expectTotalsOfNumbers(t.db, region, [2022, 2023, 2024]);
  });

  it('leave out of a year overview the agencies closed by its end, which the history keeps', async () => {
    const corpus = regionCorpus({ agencies: 4, years: [2024], seed: 31 });
    const { region } = await createCorpusRegion(t.db, corpus);
    await importCorpusThroughStore(t.db, region.id, corpus);
    const extra = await createAgency(t.db, { regionId: region.id, name: '已撤销局', kind: 'department' });
    const report = generateValidReport(4242, { agency: '已撤销局', year: 2024 });
    await importCorpusThroughStore(t.db, region.id, {
      files: [{ name: 'closed.txt', text: reportToText(report), report, agencyName: '已撤销局' }],
    });
    await t.db.updateTable('agencies').set({ closed_on: '2024-10-01' }).where('id', '=', extra.id).execute();
    const overview = await regionOverview(t.db, region, 2024, TODAY);
    const history = (await regionYearTotals(t.db, region, 2024, 2024))[0]!;
    expect(overview.totals.reports).toBe(corpus.files.length);
    expect(history.reports).toBe(corpus.files.length + 1);
    expect(overview.totals.table3.newReceived[6]).toBe(
      corpus.files.reduce((s, f) => s + f.report.table3.newReceived[6]!, 0),
    );
    expect(history.totals.table3.newReceived[6]).toBe(
      overview.totals.table3.newReceived[6]! + report.table3.newReceived[6]!,
    );
  });
});
