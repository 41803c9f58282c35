import { expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { importCorpusThroughStore } from '../../../test/support/import-corpus.ts';
import { createCorpusRegion, regionCorpus } from '../../../test/support/region-corpus.ts';
import { reportToText } from '../../../test/support/report-to-text.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { TABLE3_ROW_KEYS, TABLE4_GROUP_KEYS } from '../../core/report/labels.ts';
import type { Report } from '../../core/report/schema.ts';
import { saveAgencyClosure } from '../organisation/agency-history.repository.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { regionHistory, regionOverview } from './regional-overview.ts';

const YEARS = [2023, 2024, 2025] as const;
const missing = (i: number, y: number) => (y === 2024 && i % 9 === 2) || (y === 2025 && i % 5 === 0);
const late = (i: number, y: number) => i % 7 === 3 && y !== 2025;
const TODAY = '2026-02-15';

/** The expected status, computed here from the rules as the office states them (not by the code under test). */
function expectedStatus(i: number, kind: string, year: number): string {
  const deadline = kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
  if (missing(i, year)) return TODAY > deadline ? 'missing' : 'not-due';
  return late(i, year) ? 'late' : 'published';
}

/** Cell-by-cell sum of tables 三 and 四, with plain loops. */
function independentSums(reports: Report[]) {
  const t3: Record<string, number[]> = {};
  const t4: Record<string, number[]> = {};
  for (const r of reports) {
    for (const k of TABLE3_ROW_KEYS) {
      t3[k] ??= [0, 0, 0, 0, 0, 0, 0];
      for (let c = 0; c < 7; c += 1) t3[k][c]! += r.table3[k][c]!;
    }
    for (const g of TABLE4_GROUP_KEYS) {
      t4[g] ??= [0, 0, 0, 0, 0];
      for (let c = 0; c < 5; c += 1) t4[g][c]! += r.table4[g][c]!;
    }
  }
  const licensing = reports.reduce((s, r) => s + r.table2.licensing!, 0);
  return { t3, t4, licensing };
}

describeEachDialect('regionOverview', (t) => {
  it('lists each agency as published, late, missing or not yet due, and totals the newest published reports', async () => {
    const corpus = regionCorpus({ agencies: 60, years: YEARS, missing, late, seed: 11 });
    const { region, agencies } = await createCorpusRegion(t.db, corpus);
    expect((await importCorpusThroughStore(t.db, region.id, corpus)).imported).toBe(corpus.files.length);
    // A corrected version of one 2024 report: the totals must use it, not version 1.
    const target = corpus.files.find((f) => f.report.year === 2024)!;
    const corrected = generateValidReport(424242, { agency: target.agencyName, year: 2024 });
    corrected.publishedOn = target.report.publishedOn;
    await importCorpusThroughStore(t.db, region.id, {
      files: [
        {
          ...target,
          name: 'v2.txt',
          text: `${reportToText(corrected)}发布日期：${corrected.publishedOn}\n`,
          report: corrected,
        },
      ],
    });

    for (const year of YEARS) {
      const overview = await regionOverview(t.db, region, year, TODAY);
      expect(overview.agencies).toHaveLength(60);
      const byName = new Map(overview.agencies.map((a) => [a.agency.name, a]));
      corpus.agencies.forEach((a, i) => {
        expect(byName.get(a.name)!.status, `${a.name} ${year}`).toBe(expectedStatus(i, a.kind, year));
      });
      const counts = { published: 0, late: 0, 'date-unknown': 0, missing: 0, 'not-due': 0 } as Record<
        string,
        number
      >;
      corpus.agencies.forEach((a, i) => {
        counts[expectedStatus(i, a.kind, year)]! += 1;
      });
      expect(overview.counts).toEqual(counts);

      const parts = corpus.files
        .filter((f) => f.report.year === year)
        .map((f) => (f === target ? corrected : f.report));
      const sums = independentSums(parts);
      expect(overview.totals.reports).toBe(parts.length);
      expect(overview.totals.table3).toEqual(sums.t3);
      expect(overview.totals.table4).toEqual(sums.t4);
      expect(overview.totals.table2.licensing).toBe(sums.licensing);
      expect(overview.totalsFindings.filter((f) => f.severity === 'error' && f.assessable)).toEqual([]);
      const granted = sums.t3.granted![6]!;
      const concluded = sums.t3.totalConcluded![6]!;
      expect(overview.rates.grantedShare.value).toBe(Math.round((granted / concluded) * 1000) / 10);
    }
    expect(agencies.size).toBe(60);
    const history = await regionHistory(t.db, region, 2020, 2025);
    expect(history.map((h) => [h.year, h.reports, h.totalsErrors])).toEqual(
      YEARS.map((y) => [y, corpus.files.filter((f) => f.report.year === y).length, 0]),
    );
    const of2023 = corpus.files.filter((f) => f.report.year === 2023);
    expect(history[0]!.newReceived).toBe(of2023.reduce((s, f) => s + f.report.table3.newReceived[6]!, 0));
  });

  it('counts every agency of the sub-regions and nothing of other regions', async () => {
    const a = regionCorpus({ agencies: 5, years: [2024] });
    const b = regionCorpus({ agencies: 3, years: [2024] });
    const ra = await createCorpusRegion(t.db, a);
    const rb = await createCorpusRegion(t.db, b);
    await importCorpusThroughStore(t.db, ra.region.id, a);
    await importCorpusThroughStore(t.db, rb.region.id, b);
    // A county below city A, with one agency whose report names it with the city and county.
    const county = await createRegion(t.db, {
      code: `C${ra.region.code}`,
      name: '某某县',
      level: 'county',
      parentId: ra.region.id,
    });
    await createAgency(t.db, { regionId: county.id, name: '民政局', kind: 'department' });
    const countyReport = generateValidReport(99, { agency: `${a.regionName}某某县民政局`, year: 2024 });
    await importCorpusThroughStore(t.db, ra.region.id, {
      files: [
        { name: 'county.txt', text: reportToText(countyReport), report: countyReport, agencyName: '民政局' },
      ],
    });
    const overview = await regionOverview(t.db, ra.region, 2024, TODAY);
    expect(overview.agencies).toHaveLength(6);
    expect(overview.totals.reports).toBe(6);
    expect(overview.totals.table3).toEqual(
      independentSums([...a.files.map((f) => f.report), countyReport]).t3,
    );
    const ofCounty = await regionOverview(t.db, county, 2024, TODAY);
    // The county's report states no publication date: 发布日期不详, not 已按时发布.
    expect(ofCounty.agencies.map((x) => [x.agency.name, x.status])).toEqual([['民政局', 'date-unknown']]);
  });

  it('names under an agency the agencies merged into it during the year, through a later merger too', async () => {
    const corpus = regionCorpus({ agencies: 2, years: [2025] });
    const { region } = await createCorpusRegion(t.db, corpus);
    const agency = (name: string) =>
      createAgency(t.db, { regionId: region.id, name, kind: 'department' as const });
    const holder = await agency('市场监督管理局');
    const middle = await agency('质量技术监督局');
    const first = await agency('工商行政管理局');
    const earlier = await agency('食品药品监督管理局');
    // 工商局 into 质监局 in March, 质监局 into 市场监管局 in August: both are the holder's for 2025.
    await saveAgencyClosure(t.db, first.id, '2025-03-31', middle.id);
    await saveAgencyClosure(t.db, middle.id, '2025-08-15', holder.id);
    // Merged in 2024: not the 2025 holder's news.
    await saveAgencyClosure(t.db, earlier.id, '2024-06-30', holder.id);
    const overview = await regionOverview(t.db, region, 2025, TODAY);
    const row = (name: string) => overview.agencies.find((x) => x.agency.name === name);
    expect(row('工商行政管理局')).toBeUndefined();
    expect(row('质量技术监督局')).toBeUndefined();
    expect(row('市场监督管理局')!.agency.merged.map((m) => [m.name, m.closedOn])).toEqual([
      ['工商行政管理局', '2025-03-31'],
      ['质量技术监督局', '2025-08-15'],
    ]);
    expect(overview.agencies.filter((x) => x.agency.merged.length > 0)).toHaveLength(1);
    const of2024 = await regionOverview(t.db, region, 2024, TODAY);
    expect(of2024.agencies.find((x) => x.agency.name === '市场监督管理局')!.agency.merged).toEqual([
      { id: earlier.id, name: '食品药品监督管理局', closedOn: '2024-06-30' },
    ]);
  });
});
