import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { createAgency } from '../../src/store/organisation/organisation.repository.ts';
import { browserMissing, browserSuiteTitle, chooseOption, confirmInPopconfirm } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import {
  createTestOrganisation,
  createTestUser,
  signIn,
  type TestOrganisation,
} from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2026-01-12');
let officer: User;
let supervisor: User;
let org: TestOrganisation;

/** Types a day into an antd DatePicker inside `scope` and confirms it. */
async function pickDay(page: Page, label: string | RegExp, day: string, nth = 0) {
  const input = page.getByLabel(label).nth(nth);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
    officer = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    supervisor = await createTestUser(server.app.db, 'supervisor', { regionId: org.cityA.id });
    // A second agency of the city that held no open day.
    await createAgency(server.app.db, { regionId: org.cityA.id, name: '甲市档案馆', kind: 'department' });
  },
});

describe.skipIf(browserMissing)(
  browserSuiteTitle('work records and the drafted narrative in a browser'),
  () => {
    it('records an open day, drafts section 一（五） from it, and a broken total gets a finding', async () => {
      const { page, scriptErrors } = await suite.page();
      await suite.signIn(page, officer, { next: '/workspace/work?year=2025&tab=evaluations' });
      await page.getByRole('heading', { name: '公开工作台账' }).waitFor();
      await page.getByText('2025年尚未登记公众参与活动').waitFor();

      // The open day and three suggestions; the third first handled "before" it was received.
      await page.getByRole('button', { name: '新增公众参与活动' }).click();
      const dialog = page.getByRole('dialog');
      await pickDay(page, '活动日期', '2025-09-27');
      await dialog.getByLabel('活动主题').fill('走进政务服务中心');
      await dialog.getByLabel('参加人数').fill('27');
      await dialog.getByLabel('发放征求意见表（份）').fill('30');
      for (let i = 0; i < 3; i += 1) {
        await dialog.getByRole('button', { name: '添加意见建议' }).click();
        await dialog
          .getByLabel('内容')
          .nth(i)
          .fill(`意见建议${i + 1}`);
        await pickDay(page, '收到日期', '2025-09-27', i);
        await pickDay(page, /办理日期/, i === 2 ? '2025-09-20' : '2025-10-15', i);
      }
      // The third was answered, not adopted.
      await chooseOption(page, dialog.getByLabel('办理情况').nth(2), /^已答复$/);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      // The server's refusal stands beside the field it is about.
      await dialog
        .locator('.ant-form-item-explain-error')
        .getByText('意见建议的办理日期 2025-09-20 早于收到日期 2025-09-27')
        .waitFor();
      await pickDay(page, /办理日期/, '2025-10-20', 2);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row', { name: /走进政务服务中心/ });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/27\s+30\s+3\s+2\s+0/);

      // Someone else saves the record meanwhile: the officer's edit is refused and explained.
      await row.getByRole('button', { name: /修\s*改/ }).click();
      const headers = await signIn(suite.server.app, officer.username);
      const base = `/api/agencies/${org.agencyX.id}/work-records`;
      const [stored] = (
        await suite.server.app.inject({ method: 'GET', url: `${base}?kind=evaluation`, headers })
      ).json().items;
      const resaved = await suite.server.app.inject({
        method: 'PUT',
        url: `${base}/${stored.id}`,
        headers,
        payload: { kind: 'evaluation', data: stored.data, expectedVersion: stored.version },
      });
      expect(resaved.statusCode, resaved.body).toBe(200);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /已被他人修改.*已重新载入最新内容/ })
        .waitFor();
      await dialog.waitFor({ state: 'hidden' });

      // The year's report, drafted from the records.
      await page.getByRole('link', { name: '年度报告' }).click();
      await page.getByLabel('年度').fill('2025');
      await page.getByRole('button', { name: '由台账汇总生成报告草稿' }).click();
      await page.getByRole('heading', { name: /2025年政府信息公开工作年度报告/ }).waitFor();
      await page.getByRole('button', { name: '按台账起草第一、六部分' }).click();
      await page.getByRole('button', { name: /^起\s*草$/ }).click();
      await page.getByText(/已按公开工作台账起草第一、六部分/).waitFor();
      const overview = page.locator('#section-overview');
      const drafted = await overview.inputValue();
      expect(drafted).toContain('（五）监督保障');
      expect(drafted).toMatch(
        /9月27日，开展以“走进政务服务中心”为主题的政府开放日(活动)?，参加27人，发放征求意见表30份，收集意见建议3条，其中已采纳2条、已答复1条/,
      );
      expect(await page.locator('#section-other').inputValue()).toContain('建议提案');
      await page.getByRole('button', { name: /保存正文/ }).click();
      await page.getByText('已保存', { exact: true }).waitFor();
      const findings = page.locator('.ant-card').filter({ hasText: /^核查结果/ });
      expect(await findings.getByText('N-06').count()).toBe(0);

      // An edit so that the "其中" list no longer adds up to the stated total.
      await overview.fill(drafted.replace('收集意见建议3条', '收集意见建议5条'));
      await page.getByRole('button', { name: /保存正文/ }).click();
      await page.getByText('已保存', { exact: true }).waitFor();
      await findings.getByText(/N-06/).first().waitFor();
      expect(await findings.innerText()).toContain('5');
      expect(scriptErrors).toEqual([]);
    }, 180_000);

    it('links an interpretation to a document of the register, and deletes a record after confirmation', async () => {
      const headers = await signIn(suite.server.app, officer.username);
      const issued = await suite.server.app.inject({
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/normative-documents`,
        headers,
        payload: {
          kind: 'normative',
          documentNumber: '甲数规〔2025〕3号',
          title: '公共数据开放管理办法',
          issuedOn: '2025-04-01',
        },
      });
      expect(issued.statusCode, issued.body).toBe(201);
      const { page, scriptErrors } = await suite.page();
      await suite.signIn(page, officer, { next: '/workspace/work?year=2025&tab=interpretations' });
      await page.getByRole('button', { name: '新增政策解读' }).click();
      const dialog = page.getByRole('dialog');
      await chooseOption(page, dialog.getByLabel(/所解读的规范性文件/), /甲数规〔2025〕3号/);
      expect(await dialog.getByLabel('所解读文件的标题').inputValue()).toBe('《公共数据开放管理办法》');
      await dialog.getByLabel('图文解读').check();
      await dialog.getByLabel('一图读懂').check();
      await pickDay(page, '解读发布日期', '2025-04-03');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row', { name: /公共数据开放管理办法/ });
      expect(await row.innerText()).toMatch(
        /2025-04-03[\s\S]*甲数规〔2025〕3号[\s\S]*图文解读[\s\S]*一图读懂/,
      );
      await page.getByText('共 1 篇解读').waitFor();

      await row.getByRole('button', { name: /删\s*除/ }).click();
      expect(await confirmInPopconfirm(page, /删\s*除/)).toContain('删除这条政策解读记录？');
      await page.getByText('2025年尚未登记政策解读').waitFor();
      const left = await suite.server.app.inject({
        method: 'GET',
        url: `/api/agencies/${org.agencyX.id}/work-records?kind=interpretation&year=2025`,
        headers,
      });
      expect(left.json().items).toEqual([]);
      expect(scriptErrors).toEqual([]);
    }, 120_000);

    it('shows the supervisor who held no open day, read only', async () => {
      const { page, scriptErrors } = await suite.page();
      await suite.signIn(page, supervisor, { next: '/workspace/region' });
      await page.getByRole('spinbutton', { name: '年度' }).fill('2025');
      await page.getByRole('tab', { name: '公开工作' }).click();
      const table = page.getByRole('table').filter({ hasText: '政府开放日' });
      await table
        .getByRole('row', { name: /甲县数据局/ })
        .getByText('1次')
        .waitFor();
      await table
        .getByRole('row', { name: /甲市档案馆/ })
        .getByText('未开展')
        .waitFor();
      await page.getByRole('img', { name: /各机关政府开放日/ }).waitFor();
      await page.getByText('未开展政府开放日的机关').waitFor();
      await page.getByLabel('只看未开展政府开放日').check();
      await expect.poll(() => table.getByRole('row', { name: /甲县数据局/ }).count()).toBe(0);

      // The work page: the agency picker, no writing.
      await page.goto(`${suite.server.url}/workspace/work?year=2025&tab=evaluations`);
      await page.getByText('（只读）').waitFor();
      expect(await page.getByRole('button', { name: '新增公众参与活动' }).count()).toBe(0);
      expect(scriptErrors).toEqual([]);
    }, 120_000);
  },
);
