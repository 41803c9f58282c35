import { expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import { insertTestReportVersion } from '../../../test/support/report-records.ts';
import { createMergerAgencies } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { TABLE3_COLUMNS } from '../../core/report/labels.ts';
import type { Report } from '../../core/report/schema.ts';
import { saveAgencyClosure } from '../organisation/agency-history.repository.ts';
import { createAgency } from '../organisation/organisation.repository.ts';
import { findingsOfStoredReport } from './report-findings.ts';

describeEachDialect('Y-01 over stored reports with merged predecessors', (t) => {
  async function setUp(code: string, mergedOn: string) {
    const { successor, merged } = await createMergerAgencies(t.db, code);
    const own2024 = clone(generateValidReport(21, { agency: successor.name, year: 2024 }));
    const merged2024 = clone(generateValidReport(22, { agency: merged.name, year: 2024 }));
    await insertTestReportVersion(t.db, successor.id, 2024, 'published', own2024);
    await insertTestReportVersion(t.db, merged.id, 2024, 'published', merged2024);
    await saveAgencyClosure(t.db, merged.id, mergedOn as `${number}-${number}-${number}`, successor.id);
    return { successor, merged, own2024, merged2024 };
  }

  const y01 = async (agencyId: string, report: Report) =>
    (await findingsOfStoredReport(t.db, agencyId, report)).filter((f) => f.ruleId === 'Y-01');

  it('expects the successor’s 上年结转 to include what the agency merged into it that year carried forward', async () => {
    const { successor, own2024, merged2024 } = await setUp('640501', '2025-03-01');
    // Both reports carry something forward, or the test would prove nothing.
    expect(merged2024.table3.carriedForward.some((n) => (n ?? 0) > 0)).toBe(true);
    const report = clone(generateValidReport(23, { agency: successor.name, year: 2025 }));
    report.table3.carriedOver = own2024.table3.carriedForward.map(
      (n, c) => (n ?? 0) + (merged2024.table3.carriedForward[c] ?? 0),
    );
    expect(await y01(successor.id, report)).toEqual([]);

    // Its own carry-over alone now misses the merged agency's pending applications.
    report.table3.carriedOver = [...own2024.table3.carriedForward];
    const [finding] = await y01(successor.id, report);
    expect(finding?.assessable).toBe(true);
    expect(finding?.location.columns).toEqual(
      TABLE3_COLUMNS.filter((_, c) => (merged2024.table3.carriedForward[c] ?? 0) !== 0),
    );
    expect(finding?.message).toContain('中卫市旅游局');
  });

  it('adds nothing for a merger in another year, and cannot assess a merged agency without last year’s report', async () => {
    const { successor, own2024 } = await setUp('640502', '2024-06-30');
    const report = clone(generateValidReport(24, { agency: successor.name, year: 2025 }));
    report.table3.carriedOver = [...own2024.table3.carriedForward];
    expect(await y01(successor.id, report)).toEqual([]);

    const later = await createAgency(t.db, {
      regionId: successor.regionId,
      name: '中卫市文物局',
      kind: 'department',
    });
    await saveAgencyClosure(t.db, later.id, '2025-05-01', successor.id);
    const [finding] = await y01(successor.id, report);
    expect(finding?.assessable).toBe(false);
    expect(finding?.message).toContain('中卫市文物局');
  });
});
