import { expect, it } from 'vitest';
import { generateValid2019Report, generateValidReport } from '../../../test/support/generate-report.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { aggregateReports } from '../../core/region/aggregate-reports.ts';
import { numbersOfReport } from '../../core/report/report-numbers.ts';
import type { Report } from '../../core/report/schema.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { FORMAT2019_FIGURE_COLUMNS } from '../region/format-2019-figures.ts';
import { regionHistory, regionYearTotals } from '../region/regional-overview.ts';
import { F19_COLUMNS } from './2026-12-07-250-report-figures-2019.ts';
import { migrateToLatest, migrateUpTo } from './migrate.ts';

/** Before report_figures existed: the chain 120 → 250 runs on reports already published, as in service. */
const BEFORE = '2026-12-07-060-region-mixed-outcome-rule';

describeEachDialect(
  'migration 2026-12-07-250 (the 2019 format in report figures) on a database with reports',
  (t) => {
    it('names the columns as the store does', () => {
      expect(F19_COLUMNS).toEqual(FORMAT2019_FIGURE_COLUMNS);
    });

    it('fills the 2019 reports’ own cells from their stored numbers: region-years sum as the reports do', async () => {
      await migrateUpTo(t.db, BEFORE);
      const region = await createRegion(t.db, { code: 'M250', name: '迁移市', level: 'city' });
      const county = await createRegion(t.db, {
        code: 'M250C',
        name: '迁移县',
        level: 'county',
        parentId: region.id,
      });
      const agencies = [
        await createAgency(t.db, { regionId: region.id, name: '甲局', kind: 'department' }),
        await createAgency(t.db, { regionId: county.id, name: '乙局', kind: 'department' }),
        await createAgency(t.db, { regionId: county.id, name: '丙局', kind: 'department' }),
      ];
      const reports: Array<{ agencyId: string; report: Report }> = [];
      // 2020: every agency in the 2019 format (one with a blank 采购总金额); 2021: 2021 format, one
      // agency late with a 2019-format report of 2021 (a year with both formats).
      agencies.forEach((a, i) => {
        const old = generateValid2019Report(30 + i, { agency: a.name, year: 2020 });
        if (i === 2) old.format2019!.table2.procurement.amount = null;
        else old.format2019!.table2.procurement.amount = 12.3456 + i;
        reports.push({ agencyId: a.id, report: old });
        reports.push({
          agencyId: a.id,
          report:
            i === 1
              ? generateValid2019Report(40 + i, { agency: a.name, year: 2021 })
              : generateValidReport(50 + i, { agency: a.name, year: 2021 }),
        });
      });
      await t.db
        .insertInto('annual_reports')
        .values(
          reports.map(({ agencyId, report }, n) => ({
            id: `r-${n}`,
            agency_id: agencyId,
            year: report.year,
            version: 1,
            status: 'published',
            origin: 'imported',
            report_json: JSON.stringify(report),
            numbers_json: JSON.stringify(numbersOfReport(report)),
            error_count: 0,
            warning_count: 0,
            published_on: `${report.year + 1}-01-20`,
            revision: 1,
            created_at: '2025-01-20T00:00:00.000Z',
            updated_at: '2025-01-20T00:00:00.000Z',
          })) as never,
        )
        .execute();

      await migrateToLatest(t.db);
      const ofYear = (year: number, ids: string[]) =>
        reports.filter((r) => r.report.year === year && ids.includes(r.agencyId)).map((r) => r.report);
      const all = agencies.map((a) => a.id);
      const totals = await regionYearTotals(t.db, region, 2020, 2021);
      expect(totals.map((y) => [y.year, y.reports, y.formatVersions])).toEqual([
        [2020, 3, ['2019']],
        [2021, 3, ['2021', '2019']],
      ]);
      expect(totals[0]!.totals).toEqual(aggregateReports(ofYear(2020, all)));
      expect(totals[1]!.totals).toEqual(aggregateReports(ofYear(2021, all)));
      // The blank 采购总金额 makes the sum blank and the report incomplete; nothing else is blank.
      expect(totals[0]!.totals.format2019?.table2.procurement.amount).toBeNull();
      expect(totals[0]!.totals.incomplete).toBe(1);
      const [ofCounty] = await regionYearTotals(t.db, county, 2020, 2020);
      expect(ofCounty!.totals).toEqual(aggregateReports(ofYear(2020, all.slice(1))));
      // Summed here with plain loops from the generated reports, not by the code under test.
      const amounts = ofYear(2020, all.slice(0, 2)).reduce(
        (s, r) => s + r.format2019!.table2.procurement.amount!,
        0,
      );
      const [countyOf2021] = await regionYearTotals(t.db, county, 2021, 2021);
      expect(countyOf2021!.totals.format2019?.otherHandling).toEqual(
        reports.find((r) => r.agencyId === agencies[1]!.id && r.report.year === 2021)!.report.format2019!
          .otherHandling,
      );
      expect(amounts).toBeCloseTo(12.3456 + 13.3456, 10);
      const history = await regionHistory(t.db, region, 2020, 2021);
      // 2020: the blank 采购总金额 of the sum (T2-05); 2021: nothing.
      expect(totals[0]!.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([
        'T2-05',
      ]);
      expect(history.map((h) => h.totalsErrors)).toEqual([1, 0]);
      expect(history[0]!.table2Of2019?.licensing.decisions).toBe(
        ofYear(2020, all).reduce((s, r) => s + r.format2019!.table2.licensing.decisions!, 0),
      );
    });
  },
  { migrate: false },
);
