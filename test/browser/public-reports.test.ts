import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { momentOf } from '../../src/core/moment.ts';
import { readReportDocument } from '../../src/documents/ingest/read-document.ts';
import { planImport } from '../../src/store/imports/import-plan.ts';
import { createAgency } from '../../src/store/organisation/organisation.repository.ts';
import { commitImport } from '../../src/use-cases/imports/commit-import.ts';
import { browserMissing, browserSuiteTitle, chooseOption } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { generateValidReport } from '../support/generate-report.ts';
import { reportToText } from '../support/report-to-text.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';
import { TEST_ACTOR } from '../support/store-factories.ts';

const clock = new TestClock('2025-06-02');
let org: TestOrganisation;
const a = { ...generateValidReport(41, { agency: '甲县数据局', year: 2024 }), publishedOn: '2025-01-20' };
const b = { ...generateValidReport(42, { agency: '甲县教育局', year: 2024 }), publishedOn: '2025-01-25' };

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    const db = server.app.db;
    org = await createTestOrganisation(db);
    await createAgency(db, { regionId: org.countyA1.id, name: '甲县教育局', kind: 'department' });
    const sources = [a, b].map((r, i) => ({
      name: `r${i}.txt`,
      read: () => new TextEncoder().encode(`${reportToText(r)}发布日期：${r.publishedOn}\n`),
    }));
    const plan = await planImport(db, (bytes, name) => readReportDocument(bytes, name), sources, {
      regionId: org.cityA.id,
    });
    await db
      .transaction()
      .execute((trx) =>
        commitImport(trx, randomUUID(), org.cityA.id, plan, TEST_ACTOR, momentOf(clock.now())),
      );
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('published reports and statistics for the public'), () => {
  it('lists a region’s published reports, each readable, and charts its statistics', async () => {
    const { page, scriptErrors } = await suite.page();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('link', { name: '年度报告' }).click();
    await chooseOption(page, page.getByLabel('地区'), org.cityA.name);
    await page.getByRole('spinbutton', { name: '年度', exact: true }).fill('2024');
    await page.getByRole('spinbutton', { name: '年度', exact: true }).press('Tab');
    await page.getByText('甲县教育局2024年政府信息公开工作年度报告').waitFor();
    await page.getByText('甲县数据局2024年政府信息公开工作年度报告').waitFor();
    // No chart library on pages without charts.
    expect(scripts.filter((u) => /\/charts-[\w-]+\.js$/.test(u))).toEqual([]);

    const read = page
      .locator('.ant-list-item', { hasText: '甲县数据局' })
      .getByRole('link', { name: '在线阅读' });
    const html = await fetch(new URL((await read.getAttribute('href'))!, suite.server.url));
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('甲县数据局');
    // Read in the browser, not saved as a file.
    expect(html.headers.get('content-disposition') ?? '').not.toMatch(/attachment/);

    await page.getByRole('link', { name: '统计数据' }).click();
    await chooseOption(page, page.getByLabel('地区'), org.cityA.name);
    await page.getByRole('spinbutton', { name: '截至年度' }).fill('2024');
    await page.getByRole('spinbutton', { name: '截至年度' }).press('Tab');
    const row = page.locator('.ant-table-tbody tr', { hasText: '2024' });
    const received = a.table3.newReceived[6]! + b.table3.newReceived[6]!;
    await expect.poll(() => row.innerText()).toContain(String(received));
    await page.getByRole('img', { name: '办理结果分布' }).waitFor();
    expect(scripts.some((u) => /\/charts-[\w-]+\.js$/.test(u))).toBe(true);
    // A year without any report is 无数据, not a row of zeros.
    const before = page.locator('.ant-table-tbody tr', { hasText: '2020' });
    // 报告数 0, then every count 无数据.
    expect((await before.innerText()).trim()).toMatch(/^2020\t0(\t无数据)+$/);
    // Up to a year without reports, the year's charts say so instead of drawing equal slices of nothing.
    await page.getByRole('spinbutton', { name: '截至年度' }).fill('2020');
    await page.getByRole('spinbutton', { name: '截至年度' }).press('Tab');
    await expect.poll(() => page.getByText('2020年无数据：本地区尚无已发布的年度报告').count()).toBe(2);
    expect(await page.getByRole('img', { name: '办理结果分布' }).count()).toBe(0);
    expect(scriptErrors).toEqual([]);
  }, 90_000);
});
