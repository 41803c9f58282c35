import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo/demo-data.ts';
import { loadDemo } from '../../src/cli/demo/load-demo.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';

/** `npm start -- --demo` on 20 November 2026: the 2025 reports are due (31 January 2026) and past. */
const NOW = new Date('2026-11-20T02:00:00.000Z');
const SCREENSHOTS = process.env.GONGKAI_SCREENSHOTS;

async function snap(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** A page whose browser clock is the server's (the web proposes years from it). */
async function demoPage() {
  const opened = await suite.page();
  await opened.page.clock.setFixedTime(NOW);
  return opened;
}

const suite = setUpBrowserSuite({
  now: () => NOW,
  timeout: 180_000,
  prepare: async (server) => {
    await loadDemo(server.app.db, NOW);
  },
});

describe.skipIf(browserMissing)(
  browserSuiteTitle('the demo as a visitor, an officer and a supervisor find it'),
  () => {
    it('shows the public last year’s published reports, and the region overview who published', async () => {
      const { page, scriptErrors } = await demoPage();
      await page.goto(`${suite.server.url}/reports`);
      await page.getByText('中卫市数据局2025年政府信息公开工作年度报告').waitFor();
      await page.getByText('中卫市工业和信息化局2025年政府信息公开工作年度报告').waitFor();
      await snap(page, 'demo-public-reports');

      await suite.signIn(page, 'zhongwei.zhuguan', { password: DEMO_PASSWORD });
      await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
      const row = (name: string) => page.locator('.ant-table-tbody tr', { hasText: name });
      await expect.poll(() => row('中卫市数据局').innerText()).toContain('已按时发布');
      await expect.poll(() => row('中卫市工业和信息化局').innerText()).toContain('已按时发布');
      // The third agency has not published by 31 January: the overview says so rather than hiding it.
      expect(await row('沙坡头区人民政府办公室').innerText()).toContain('逾期未发布');
      await snap(page, 'demo-region-overview');
      expect(scriptErrors).toEqual([]);
    }, 90_000);

    it('shows the statistics on a phone with each column header on one line, and no frame around the page', async () => {
      const { page, scriptErrors } = await suite.page({ width: 390, height: 844 });
      await page.clock.setFixedTime(NOW);
      await page.goto(`${suite.server.url}/statistics`);
      const table = page.getByRole('table').filter({ has: page.locator('th', { hasText: '新收申请' }) });
      await table.locator('th', { hasText: '新收申请' }).waitFor();
      const heights = await table
        .locator('thead th')
        .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
      // One line of 14 px text with the small table's padding is under 40 px; a header wrapped a
      // character per line is several times that.
      expect(Math.max(...heights)).toBeLessThan(40);
      expect(await page.evaluate('getComputedStyle(document.body).margin')).toBe('0px');
      await snap(page, 'demo-statistics-phone');
      expect(scriptErrors).toEqual([]);
    }, 90_000);

    it('proposes this year’s draft to an officer whose last year is published, and prefills how the applicant gets the answer', async () => {
      const { page, scriptErrors } = await demoPage();
      await suite.signIn(page, 'shuju.jingban', { password: DEMO_PASSWORD });
      await page.getByRole('heading', { name: '依申请公开 · 待办' }).waitFor();
      await page.goto(`${suite.server.url}/workspace/reports`);
      await page.locator('.ant-table-tbody tr', { hasText: '2025' }).getByText('已发布').waitFor();
      expect(await page.getByLabel('年度').inputValue()).toBe('2026');

      await page.goto(`${suite.server.url}/workspace/applications`);
      await page.locator('.ant-table-tbody tr a').first().click();
      await page.getByText('所需信息的形式', { exact: true }).waitFor();
      expect(await page.getByText('未写明').count()).toBe(0);
      const obtain = page.getByLabel('获取信息的方式、途径（予以公开、部分公开时必填）');
      // The letter's wording follows the form the applicant asked for: paper by post or in person,
      // electronic text by e-mail or online.
      expect(await obtain.inputValue()).toMatch(
        /^以(纸质文本|电子文本|纸质文本和电子文本)形式(随本答复书一并邮寄送达|通过电子邮件|请持本答复书|可在本机关门户网站)/,
      );
      await obtain.fill('以纸质文本形式当面交付');
      expect(await obtain.inputValue()).toBe('以纸质文本形式当面交付');
      await snap(page, 'demo-application-letter');
      expect(scriptErrors).toEqual([]);
    }, 90_000);
  },
);
