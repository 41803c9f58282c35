import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import { insertTestReportVersion } from '../../../test/support/report-records.ts';
import { createMergerAgencies } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { insertImportedReports } from '../imports/imported-reports.ts';
import { saveAgencyClosure } from '../organisation/agency-history.repository.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { updateReportVersion } from './annual-reports.repository.ts';
import { getAnnualReport } from './read-annual-reports.ts';
import { findingsOfStoredReport } from './report-findings.ts';

describeEachDialect('recountFollowingYear', (t) => {
  const stored = (id: string) =>
    t.db
      .selectFrom('annual_reports')
      .select(['error_count', 'warning_count', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const figures = (agencyId: string, year: number) =>
    t.db
      .selectFrom('report_figures')
      .select(['error_count', 'warning_count'])
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
  /** The assessable findings a save would count now: [errors, warnings, the warnings' rules]. */
  const live = async (agencyId: string, id: string) => {
    const version = (await getAnnualReport(t.db, agencyId, id))!;
    const findings = (await findingsOfStoredReport(t.db, agencyId, version.report)).filter(
      (f) => f.assessable,
    );
    const warnings = findings.filter((f) => f.severity === 'warning');
    return {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: warnings.length,
      warningRules: warnings.map((f) => f.ruleId),
    };
  };
  /** A version inserted by the test support has zero counts: give it the counts a save stores. */
  const countAsSaved = async (agencyId: string, id: string) => {
    const { errors, warnings } = await live(agencyId, id);
    await t.db
      .updateTable('annual_reports')
      .set({ error_count: errors, warning_count: warnings })
      .where('id', '=', id)
      .execute();
    return { errors, warnings };
  };

  it('recounts the successor’s report when the report of an agency merged into it arrives later', async () => {
    const { successor, merged } = await createMergerAgencies(t.db, '640511');
    const own2024 = clone(generateValidReport(41, { agency: successor.name, year: 2024 }));
    await insertTestReportVersion(t.db, successor.id, 2024, 'published', own2024);
    await saveAgencyClosure(t.db, merged.id, '2025-03-01', successor.id);
    // The successor's 2025 report carries over only its own pending applications: without the merged
    // agency's 2024 report, Y-01 cannot be assessed and is not counted.
    const report2025 = clone(generateValidReport(42, { agency: successor.name, year: 2025 }));
    report2025.table3.carriedOver = [...own2024.table3.carriedForward];
    const { id } = await insertTestReportVersion(t.db, successor.id, 2025, 'published', report2025);
    expect((await live(successor.id, id)).warningRules).not.toContain('Y-01');
    const before = await countAsSaved(successor.id, id);

    // The merged agency's 2024 report is imported: it carried applications forward, which the
    // successor's 上年结转 leaves out.
    const merged2024 = clone(generateValidReport(43, { agency: merged.name, year: 2024 }));
    expect(merged2024.table3.carriedForward.some((n) => (n ?? 0) > 0)).toBe(true);
    await t.db.transaction().execute((trx) =>
      insertImportedReports(
        trx,
        [
          {
            id: randomUUID(),
            agencyId: merged.id,
            version: 1,
            report: merged2024,
            errorCount: 0,
            warningCount: 0,
            fileName: '中卫市旅游局2024.txt',
            sha256: 'a'.repeat(64),
          },
        ],
        null,
        '2026-02-01T00:00:00.000Z',
      ),
    );
    expect((await live(successor.id, id)).warningRules).toContain('Y-01');
    expect(await stored(id)).toEqual({
      error_count: before.errors,
      warning_count: before.warnings + 1,
      status: 'published',
    });
    expect(await figures(successor.id, 2025)).toEqual({
      error_count: before.errors,
      warning_count: before.warnings + 1,
    });
  });

  it('recounts an agency’s draft of the next year when its report of the year is published', async () => {
    const region = await createRegion(t.db, { code: '640512', name: '中卫市', level: 'city' });
    const agency = await createAgency(t.db, {
      regionId: region.id,
      name: '中卫市民政局',
      kind: 'department',
    });
    const of2024 = clone(generateValidReport(44, { agency: agency.name, year: 2024 }));
    const approved = await insertTestReportVersion(t.db, agency.id, 2024, 'approved', of2024);
    const draft2025 = clone(generateValidReport(45, { agency: agency.name, year: 2025 }));
    // Its 上年结转 is off by one from 2024's 结转下年度继续办理: Y-01 once 2024 is published.
    draft2025.table3.carriedOver = of2024.table3.carriedForward.map((n, c) => (c === 0 ? (n ?? 0) + 1 : n));
    const { id } = await insertTestReportVersion(t.db, agency.id, 2025, 'draft', draft2025);
    expect((await live(agency.id, id)).warningRules).not.toContain('Y-01');
    const counted = await countAsSaved(agency.id, id);

    const approvedVersion = (await getAnnualReport(t.db, agency.id, approved.id))!;
    await t.db
      .transaction()
      .execute((trx) =>
        updateReportVersion(
          trx,
          approvedVersion,
          { report: of2024, status: 'published', publishedOn: '2025-01-20' },
          '2025-01-20T02:00:00.000Z',
        ),
      );
    // Now compared with 2024 (Y-01 and the other cross-year rules): the stored counts are the live ones.
    const after = await live(agency.id, id);
    expect(after.warningRules).toContain('Y-01');
    expect(after.warnings).toBeGreaterThan(counted.warnings);
    expect(await stored(id)).toEqual({
      error_count: after.errors,
      warning_count: after.warnings,
      status: 'draft',
    });
    // A draft has no regional figures.
    expect(await figures(agency.id, 2025)).toBeUndefined();
  });
});
