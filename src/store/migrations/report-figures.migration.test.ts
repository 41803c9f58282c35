import { expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { aggregateReports } from '../../core/region/aggregate-reports.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { regionYearTotals } from '../region/regional-overview.ts';
import { migrateToLatest, migrateUpTo } from './migrate.ts';

/** The migration before report_figures: databases in service have published reports and no figures. */
const BEFORE = '2026-12-07-060-region-mixed-outcome-rule';

describeEachDialect(
  'migration 2026-12-07-120 (report figures) on a database with reports',
  (t) => {
    it('fills the figures of the newest published version of each agency-year, drafts left out', async () => {
      await migrateUpTo(t.db, BEFORE);
      const region = await createRegion(t.db, { code: 'M120', name: '迁移市', level: 'city' });
      const county = await createRegion(t.db, {
        code: 'M120C',
        name: '迁移县',
        level: 'county',
        parentId: region.id,
      });
      const a = await createAgency(t.db, { regionId: region.id, name: '甲局', kind: 'department' });
      const b = await createAgency(t.db, { regionId: county.id, name: '乙局', kind: 'department' });
      const row = (agencyId: string, version: number, status: 'published' | 'draft', seed: number) => {
        const report = generateValidReport(seed, { year: 2024 });
        return {
          id: `r-${agencyId}-${version}`,
          agency_id: agencyId,
          year: 2024,
          version,
          status,
          origin: 'imported',
          report_json: JSON.stringify(report),
          numbers_json: JSON.stringify({
            table2: report.table2,
            table3: report.table3,
            table4: report.table4,
          }),
          error_count: 0,
          warning_count: 0,
          published_on: status === 'published' ? '2025-01-20' : null,
          revision: 1,
          created_at: '2025-01-20T00:00:00.000Z',
          updated_at: '2025-01-20T00:00:00.000Z',
          report,
        };
      };
      const rows = [
        row(a.id, 1, 'published', 1),
        row(a.id, 2, 'published', 2),
        row(a.id, 3, 'draft', 3),
        row(b.id, 1, 'published', 4),
      ];
      await t.db
        .insertInto('annual_reports')
        .values(rows.map(({ report: _report, ...r }) => r as never))
        .execute();

      await migrateToLatest(t.db);
      const stored = await t.db.selectFrom('report_figures').select(['agency_id', 'report_id']).execute();
      expect(stored.map((s) => s.report_id).sort()).toEqual([`r-${a.id}-2`, `r-${b.id}-1`].sort());
      const [totals] = await regionYearTotals(t.db, region, 2024, 2024);
      expect(totals!.totals).toEqual(aggregateReports([rows[1]!.report, rows[3]!.report]));
      const [ofCounty] = await regionYearTotals(t.db, county, 2024, 2024);
      expect(ofCounty!.totals).toEqual(aggregateReports([rows[3]!.report]));
    });
  },
  { migrate: false },
);
