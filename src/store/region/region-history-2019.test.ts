import { expect, it } from 'vitest';
import { generateValid2019Report } from '../../../test/support/generate-report.ts';
import { importCorpusThroughStore } from '../../../test/support/import-corpus.ts';
import { createCorpusRegion, format2019Files, regionCorpus } from '../../../test/support/region-corpus.ts';
import { reportToText } from '../../../test/support/report-to-text.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { aggregateReports } from '../../core/region/aggregate-reports.ts';
import { regionHistory, regionOverview } from './regional-overview.ts';
import { getStoredReport } from './regional-reports.ts';

describeEachDialect('regionHistory with reports of 2019 and 2020 in the 2019 format', (t) => {
  it('shows those years beside the 2021-format years: table 三 comparable, table 二 in its own columns', async () => {
    const corpus = regionCorpus({ agencies: 4, years: [2021], seed: 5 });
    const { region } = await createCorpusRegion(t.db, corpus);
    const files = format2019Files(corpus, 100);
    const old = files.map((f) => f.report);
    const summary = await importCorpusThroughStore(t.db, region.id, { files: [...files, ...corpus.files] });
    expect(summary.imported).toBe(files.length + corpus.files.length);

    const history = await regionHistory(t.db, region, 2019, 2021);
    expect(history.map((h) => [h.year, h.reports, h.formatVersions, h.totalsErrors])).toEqual([
      [2019, 4, ['2019'], 0],
      [2020, 4, ['2019'], 0],
      [2021, 4, ['2021'], 0],
    ]);
    for (const entry of history.slice(0, 2)) {
      const ofYear = old.filter((r) => r.year === entry.year);
      // Summed here with plain loops from the generated reports, not by the code under test.
      expect(entry.newReceived).toBe(ofYear.reduce((s, r) => s + r.table3.newReceived[6]!, 0));
      expect(entry.totalConcluded).toBe(ofYear.reduce((s, r) => s + r.table3.totalConcluded[6]!, 0));
      const decisions = ofYear.reduce((s, r) => s + r.format2019!.table2.licensing.decisions!, 0);
      expect(entry.table2Of2019?.licensing.decisions).toBe(decisions);
      const change = ofYear.reduce((s, r) => s + r.format2019!.table2.otherServices.change!, 0);
      expect(entry.table2Of2019?.otherServices.change).toBe(change);
    }
    expect(history[2]!.table2Of2019).toBeNull();
    // The year overview sums the same stored figures: the 2019 reports' own parts included.
    const overview = await regionOverview(t.db, region, 2020, '2021-06-01');
    expect(overview.totals).toEqual(aggregateReports(old.filter((r) => r.year === 2020)));
    expect(overview.totalsFindings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps a stored 2019 report whole, its own table 二 and （六）其他处理 row included', async () => {
    const corpus = regionCorpus({ agencies: 1, years: [] });
    const { region } = await createCorpusRegion(t.db, corpus);
    const report = generateValid2019Report(8, { agency: corpus.agencies[0]!.name, year: 2020 });
    const file = { name: 'r.txt', text: reportToText(report), report, agencyName: corpus.agencies[0]!.name };
    const summary = await importCorpusThroughStore(t.db, region.id, { files: [file] });
    const stored = await getStoredReport(t.db, summary.files[0]!.reportId!);
    expect(stored?.report.formatVersion).toBe('2019');
    expect(stored?.report.format2019).toEqual(report.format2019);
  });
});
