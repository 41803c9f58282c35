import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ensureAdministrator } from '../../src/server/bootstrap/ensure-admin.ts';
import {
  createAgency,
  createRegion,
  listAgencies,
  listRegions,
} from '../../src/store/organisation/organisation.repository.ts';
import {
  browserMissing,
  browserSuiteTitle,
  chooseOption,
  openDialog,
  waitForOutcome,
} from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { createTestUser } from '../support/server-factories.ts';

const ADMIN_PASSWORD = 'first-run-password';
const SCREENSHOTS = process.env.GONGKAI_SCREENSHOTS;

async function snap(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The admin home's overview line (what exists, and the next step). */
async function overview(page: Page): Promise<string> {
  return ((await page.getByTestId('setup-overview').textContent()) ?? '').replace(/\s+/g, ' ');
}

const suite = setUpBrowserSuite({
  prepare: async (server) => {
    // What `npm start` does on an empty database: the administrator is the only account.
    await ensureAdministrator(server.app.db, ADMIN_PASSWORD, new Date());
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('first run on an empty database'), () => {
  it('guides the administrator through 行政区划 → 机关 → 用户, each empty list saying what to do', async () => {
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, 'admin', { password: ADMIN_PASSWORD });
    await page.getByRole('heading', { name: '系统管理' }).waitFor();
    await page.getByTestId('setup-overview').waitFor();
    expect(await overview(page)).toContain('已建行政区划 0 · 机关 0 · 用户 1 — 下一步：新建行政区划');
    await snap(page, 'first-run-admin-home');

    // The pages of records have nothing to show yet, and say why instead of a blank list.
    await page.goto(`${suite.server.url}/workspace/applications`);
    await page.getByText('尚无机关：请先在“系统管理 → 行政区划与机关”中新建行政区划和机关').waitFor();
    await page.goto(`${suite.server.url}/workspace/admin`);

    await page.getByTestId('setup-overview').getByRole('button', { name: '新建行政区划' }).click();
    await page.getByText('尚未建立行政区划。请在下方填写名称、代码和层级').waitFor();
    await page.getByText('尚无机关。机关属于某个行政区划：请先在左侧新建行政区划。').waitFor();
    await snap(page, 'first-run-organisation-empty');

    await page.getByLabel('行政区划名称').fill('青山县');
    await page.getByLabel('行政区划代码').fill('640599');
    await chooseOption(page, page.getByLabel('层级'), '县级');
    await page
      .getByRole('button', { name: /添\s*加/ })
      .first()
      .click();
    await waitForOutcome(page, page.locator('.ant-table-tbody tr', { hasText: '640599' }));
    await page.getByText('下一步：新建机关').waitFor();
    expect(await overview(page)).toContain('已建行政区划 1 · 机关 0 · 用户 1');
    await page.getByText('尚未添加机关。请在下方填写机关名称').waitFor();
    const [region] = await listRegions(suite.server.app.db, null);
    expect(region).toMatchObject({ code: '640599', name: '青山县', level: 'county' });

    await page.getByLabel('机关名称').fill('青山县人民政府办公室');
    await chooseOption(page, page.getByLabel('机关类别'), '人民政府（办公室）');
    await chooseOption(page, page.getByLabel('所属行政区划'), '青山县（640599）');
    await page
      .getByRole('button', { name: /添\s*加/ })
      .nth(1)
      .click();
    await waitForOutcome(page, page.getByText('下一步：新建用户'));
    expect(await overview(page)).toContain('已建行政区划 1 · 机关 1 · 用户 1');
    const [agency] = await listAgencies(suite.server.app.db, region!.id);
    expect(agency?.name).toBe('青山县人民政府办公室');

    await page.getByTestId('setup-overview').getByRole('button', { name: '新建用户' }).click();
    // The overview's 新建用户 shows the users tab; the tab's own 新建用户 is pressed once the tab is
    // shown, in its pane: until then the only 新建用户 on the page is the overview's own.
    await page.getByRole('tab', { name: '用户与角色', selected: true }).waitFor();
    const dialog = await openDialog(
      page,
      page.getByRole('tabpanel').getByRole('button', { name: '新建用户' }),
    );
    await dialog.getByLabel('用户名').fill('qingshan.jingban');
    await dialog.getByLabel('姓名').fill('赵六');
    await dialog.getByLabel(/初始密码/).fill('qingshan-officer-1');
    await chooseOption(page, dialog.getByLabel('所属机关'), '青山县人民政府办公室');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await waitForOutcome(page, page.getByText('基础设置已完成'));
    expect(await overview(page)).toContain('已建行政区划 1 · 机关 1 · 用户 2');
    await snap(page, 'first-run-done');
    expect(scriptErrors).toEqual([]);
  }, 90_000);

  it('shows a new officer an empty inbox that says how applications arrive', async () => {
    const region = await createRegion(suite.server.app.db, {
      code: '640598',
      name: '白水县',
      level: 'county',
    });
    const agency = await createAgency(suite.server.app.db, {
      regionId: region.id,
      name: '白水县数据局',
      kind: 'department',
    });
    const officer = await createTestUser(suite.server.app.db, 'officer', { agencyId: agency.id });
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, officer);
    await page.getByText('没有未办结的申请。收到来信、当面或电话等申请时，点右上角“登记申请”录入').waitFor();
    await page.goto(`${suite.server.url}/workspace/reports`);
    await page.getByText('还没有年度报告。在上方填写年度').waitFor();
    await page.goto(`${suite.server.url}/workspace/cases`);
    await page.getByText('尚未登记行政复议、行政诉讼案件。').waitFor();
    await page.goto(`${suite.server.url}/workspace/disclosures`);
    await page.getByText('台账中还没有主动公开信息。').waitFor();
    await page.goto(`${suite.server.url}/workspace/normative-documents`);
    await page.getByText('尚未登记规章或行政规范性文件。').waitFor();
    await snap(page, 'first-run-officer-normative');
    expect(await page.locator('body').innerText()).not.toContain('暂无数据');
    expect(scriptErrors).toEqual([]);
  }, 90_000);
});
