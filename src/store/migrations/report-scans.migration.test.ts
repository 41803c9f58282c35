import { expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { filesBeingRead } from '../imports/import-files.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { insertReportScans, reportScans } from '../reports/report-scans.ts';
import { migrateToLatest, migrateUpTo } from './migrate.ts';

/** The migration before report_scans: databases in service have reports and no scan records. */
const BEFORE = '2026-12-07-150-agency-merged-into';

describeEachDialect(
  'migrations 2026-12-07-240/241 (report scans, OCR page of import files) on a database in service',
  (t) => {
    it('leaves every report stored before without a scan summary (absent, not zero), then records new ones', async () => {
      await migrateUpTo(t.db, BEFORE);
      const region = await createRegion(t.db, { code: 'M240', name: '迁移市', level: 'city' });
      const agency = await createAgency(t.db, { regionId: region.id, name: '甲局', kind: 'department' });
      const report = generateValidReport(1, { year: 2024 });
      const row = (id: string, version: number) => ({
        id,
        agency_id: agency.id,
        year: 2024,
        version,
        status: 'published',
        origin: 'imported',
        report_json: JSON.stringify(report),
        numbers_json: JSON.stringify({ table2: report.table2, table3: report.table3, table4: report.table4 }),
        error_count: 0,
        warning_count: 0,
        published_on: '2025-01-20',
        revision: 1,
        created_at: '2025-01-20T00:00:00.000Z',
        updated_at: '2025-01-20T00:00:00.000Z',
      });
      await t.db
        .insertInto('annual_reports')
        .values(row('old', 1) as never)
        .execute();
      await t.db
        .insertInto('import_batches')
        .values({
          id: 'b1',
          region_id: region.id,
          status: 'confirmed',
          plan_json: JSON.stringify({ options: {}, files: [] }),
          summary_json: null,
          job_id: null,
          created_by: null,
          created_at: '2025-01-20T00:00:00.000Z',
          expires_at: '2025-01-21T00:00:00.000Z',
          updated_at: '2025-01-20T00:00:00.000Z',
        })
        .execute();
      await t.db
        .insertInto('import_files')
        .values({ batch_id: 'b1', position: 0, name: 'a.pdf', content: Buffer.from('x') } as never)
        .execute();

      await migrateToLatest(t.db);
      expect((await reportScans(t.db, ['old'])).size).toBe(0);
      expect(await filesBeingRead(t.db, 'b1')).toMatchObject([{ name: 'a.pdf', page: null, pages: null }]);

      await t.db
        .insertInto('annual_reports')
        .values(row('new', 2) as never)
        .execute();
      const scan = {
        pages: 6,
        meanConfidence: 91.5,
        minConfidence: 12.25,
        cellsRead: 203,
        cellsCorrected: 2,
        cellsUnreadable: 1,
      };
      await t.db.transaction().execute((trx) => insertReportScans(trx, [{ reportId: 'new', scan }]));
      expect(Object.fromEntries(await reportScans(t.db, ['old', 'new']))).toEqual({ new: scan });
    });
  },
  { migrate: false },
);
