import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/schema.ts';
import { saveAgencyClosure } from '../../src/store/organisation/agency-history.repository.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { clone, generateValidReport } from '../support/generate-report.ts';
import { insertTestReportVersion } from '../support/report-records.ts';
import { createTestUser } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2026-02-10');
let supervisorName = '';
let successorReportId = '';
let mergedReport: Report;

describe.skipIf(browserMissing)(browserSuiteTitle('a merged agency in the supervising office’s view'), () => {
  const suite = setUpBrowserSuite({
    now: clock.now,
    prepare: async ({ app: { db } }) => {
      const region = await createRegion(db, { code: '640500', name: '中卫市', level: 'city' });
      const successor = await createAgency(db, {
        regionId: region.id,
        name: '中卫市文化旅游广电局',
        kind: 'department',
      });
      const merged = await createAgency(db, {
        regionId: region.id,
        name: '中卫市旅游局',
        kind: 'department',
      });
      supervisorName = (await createTestUser(db, 'supervisor', { regionId: region.id })).username;
      const own2024 = clone(generateValidReport(31, { agency: successor.name, year: 2024 }));
      mergedReport = clone(generateValidReport(32, { agency: merged.name, year: 2024 }));
      await insertTestReportVersion(db, successor.id, 2024, 'published', own2024);
      await insertTestReportVersion(db, merged.id, 2024, 'published', mergedReport);
      await saveAgencyClosure(db, merged.id, '2025-03-01', successor.id);
      // The successor's 2025 report carries over only its own pending applications (Y-01 must see it).
      const report2025 = clone(generateValidReport(33, { agency: successor.name, year: 2025 }));
      report2025.table3.carriedOver = [...own2024.table3.carriedForward];
      successorReportId = (await insertTestReportVersion(db, successor.id, 2025, 'published', report2025)).id;
    },
  });

  it('shows the merged agency’s reports in the successor’s report, and counts its carry-over in Y-01', async () => {
    const { page, scriptErrors } = await suite.signedIn(supervisorName);
    await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
    // The overview of 2025 lists the merged agency under its successor, not as an agency of its own.
    await page.getByText('含并入：中卫市旅游局（2025-03-01 并入）').waitFor();
    const agencyRows = page.locator('.ant-table-tbody tr', { hasText: '中卫市' });
    expect(await agencyRows.allInnerTexts()).toEqual([expect.stringContaining('中卫市文化旅游广电局')]);
    await page.goto(`${suite.server.url}/workspace/region/reports/${successorReportId}`);
    await page.getByRole('heading', { name: /中卫市文化旅游广电局 2025年度报告/ }).waitFor();
    const history = page.getByRole('region', { name: '并入机关的年度报告' });
    const row = history.locator('.ant-table-tbody tr', { hasText: '中卫市旅游局' });
    const total = (r: readonly (number | null)[]) => String(r[6]);
    await expect.poll(() => row.innerText()).toContain('2025-03-01');
    const text = await row.innerText();
    expect(text).toContain('2024年度');
    expect(text).toContain(total(mergedReport.table3.carriedForward));
    // Y-01 expected the merged agency's 结转 in this year's 上年结转.
    await page
      .getByText(/Y-01.*上年结转/)
      .first()
      .waitFor();
    await page
      .getByText(/并入的“中卫市旅游局”/)
      .first()
      .waitFor();

    await row.getByRole('link', { name: '查看核查' }).click();
    await page.getByRole('heading', { name: /中卫市旅游局 2024年度报告/ }).waitFor();
    expect(scriptErrors).toEqual([]);
  }, 120_000);
});
