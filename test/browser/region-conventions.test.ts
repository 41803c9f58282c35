import { describe, expect, it } from 'vitest';
import { momentOf } from '../../src/core/moment.ts';
import type { User } from '../../src/core/organisation/user.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { browserMissing, browserSuiteTitle, chooseOption } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { createTestUser } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';
import { registerTestApplication } from '../support/store-factories.ts';

const clock = new TestClock('2025-06-02');
let supervisor: User;
let officer: User;
let applicationPath: string;

/**
 * DOMAIN.md §A.6 as a region's choice: the supervising office sets 一事一申请 on its overview, and the
 * officer's answer form then asks for one outcome only and says why.
 */
const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    const db = server.app.db;
    const region = await createRegion(db, { code: '640588', name: '口径市', level: 'city' });
    const agency = await createAgency(db, { regionId: region.id, name: '口径市数据局', kind: 'department' });
    supervisor = await createTestUser(db, 'supervisor', { regionId: region.id });
    officer = await createTestUser(db, 'officer', { agencyId: agency.id });
    const registered = await registerTestApplication(
      db,
      agency.id,
      { submittedOn: '2025-06-02' },
      momentOf(clock.now()),
    );
    applicationPath = `/workspace/applications/${registered.application.id}?agency=${agency.id}`;
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('a region’s counting conventions in a browser'), () => {
  it('is set by the supervising office and holds the officer’s answer to one outcome', async () => {
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, supervisor, { next: '/workspace/region' });
    await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
    await page.getByRole('tab', { name: '统计口径' }).click();
    await page.getByText('（各级均未设定，执行推荐口径）').waitFor();
    await page.getByRole('radio', { name: /^一事一申请/ }).check();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    // The confirmation pops up animated; a press while it zooms in can be lost, so press until saved.
    await expect
      .poll(
        async () => {
          const confirm = page.getByRole('button', { name: '确认设置' });
          if (await confirm.isVisible()) await confirm.click({ timeout: 2_000 }).catch(() => {});
          return page.getByText('已保存，并记入审计日志。').isVisible();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    await page.getByText('（由口径市设定）').waitFor();

    const officerPage = (await suite.page()).page;
    await suite.signIn(officerPage, officer, { next: applicationPath });
    await chooseOption(officerPage, officerPage.getByLabel('办理步骤', { exact: true }), '作出答复');
    await officerPage.getByText(/^本地区统计口径：一事一申请/).waitFor();
    await officerPage.getByLabel('办理结果', { exact: true }).waitFor();
    expect(await officerPage.getByLabel('其他办理结果（申请多项内容且结果不同时选择）').count()).toBe(0);
    expect(scriptErrors).toEqual([]);
  });
});
