import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { browserMissing, browserSuiteTitle, chooseOption } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import {
  createTestOrganisation,
  createTestUser,
  registrationBody,
  signIn,
  type TestOrganisation,
} from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2025-03-03');
let org: TestOrganisation;
let officer: User;
let applicationId: string;

async function logIn(page: Page, user: User, next: string) {
  await suite.signIn(page, user, { next: next });
  await page.waitForURL((url) => url.pathname === next);
}

type Kind = '行政复议' | '未经复议直接起诉' | '复议后起诉';
const ROWS: Record<Kind, string> = {
  行政复议: '行政复议',
  未经复议直接起诉: '未经复议直接起诉',
  复议后起诉: '复议后起诉',
};
const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结'] as const;

/** Table 四 of 2025 counted by hand from the cases this test files and decides (all within 2025). */
class Tally {
  readonly cases: { kind: Kind; result: (typeof COLUMNS)[number] }[] = [];
  row(kind: Kind): number[] {
    const cells = COLUMNS.map((c) => this.cases.filter((x) => x.kind === kind && x.result === c).length);
    return [...cells, cells.reduce((a, b) => a + b, 0)];
  }
}

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
    officer = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    const headers = await signIn(server.app, officer.username);
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/applications`,
      headers,
      payload: registrationBody({ submittedOn: '2025-03-03' }),
    });
    expect(res.statusCode).toBe(201);
    applicationId = res.json().application.id;
    expect(res.json().application.trackingNumber).toBe('2025-0001');
    clock.set('2025-04-08');
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('复议/诉讼 cases in a browser'), () => {
  it('files cases (one linked by tracking number), decides one, and table 四 follows', async () => {
    const { page, scriptErrors } = await suite.page();
    const pick = (label: string, option: string) =>
      chooseOption(page, page.getByLabel(label, { exact: true }), option);
    const date = async (label: string, value: string) => {
      await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByLabel(label, { exact: true }).press('Tab');
    };
    const table4 = page.locator('.ant-card', { hasText: '表四' });
    const expectTable4 = async (tally: Tally) => {
      for (const kind of Object.keys(ROWS) as Kind[]) {
        const row = table4.locator('tr.ant-table-row', { hasText: ROWS[kind] }).first();
        await expect
          .poll(async () => (await row.locator('td').allInnerTexts()).slice(1).map(Number))
          .toEqual(tally.row(kind));
      }
    };
    const tally = new Tally();
    /** The message shown under the field labelled `label`. */
    const fieldError = (label: string, text: string) =>
      page
        .locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) })
        .locator('.ant-form-item-explain-error', { hasText: text })
        .waitFor();

    await logIn(page, officer, '/workspace/cases');
    await page.getByLabel('年度', { exact: true }).fill('2025');
    await page.getByLabel('年度', { exact: true }).press('Tab');
    await table4.getByText('2025年 表四').waitFor();
    await expectTable4(tally);

    // Refusals next to their fields: unknown tracking number; filed before the application was received.
    await pick('案件类型', '行政复议');
    await date('申请复议或起诉之日', '2025-02-01');
    await page.getByLabel('案号').fill('甲复〔2025〕7号');
    await page.getByLabel('所涉申请').fill('2025-0099');
    await page.getByRole('button', { name: '登记案件' }).click();
    await fieldError('所涉申请', '本机关没有受理编号为 2025-0099 的申请');
    await page.getByLabel('所涉申请').fill('2025-0001');
    await page.getByRole('button', { name: '登记案件' }).click();
    await fieldError('申请复议或起诉之日', '早于所涉申请的收到日期 2025-03-03');
    await date('申请复议或起诉之日', '2025-04-01');
    await page.getByRole('button', { name: '登记案件' }).click();
    const cases = page.locator('.ant-table-wrapper', { hasText: '所涉申请' }).last();
    const reviewRow = cases.locator('tr.ant-table-row', { hasText: '甲复〔2025〕7号' });
    await reviewRow.getByText('尚未审结').waitFor();
    tally.cases.push({ kind: '行政复议', result: '尚未审结' });
    await expectTable4(tally);
    // Linked to the application it concerns.
    expect(await reviewRow.getByRole('link', { name: '查看申请' }).getAttribute('href')).toContain(
      applicationId,
    );

    await pick('案件类型', '未经复议直接起诉');
    await date('申请复议或起诉之日', '2025-04-02');
    await page.getByLabel('案号').fill('（2025）甲0101行初5号');
    await page.getByRole('button', { name: '登记案件' }).click();
    await cases.locator('tr.ant-table-row', { hasText: '（2025）甲0101行初5号' }).waitFor();
    tally.cases.push({ kind: '未经复议直接起诉', result: '尚未审结' });
    await expectTable4(tally);

    // The decision: a date after today is refused in the dialog, then 结果纠正 is recorded.
    await reviewRow.getByRole('button', { name: '登记审结' }).click();
    const dialog = page.getByRole('dialog');
    await pick('审结结果', '结果纠正');
    await date('审结日期', '2025-04-09');
    await dialog.getByRole('button', { name: '登记审结' }).click();
    await fieldError('审结日期', '审结日期 2025-04-09 晚于今天');
    await date('审结日期', '2025-04-08');
    await dialog.getByRole('button', { name: '登记审结' }).click();
    await reviewRow.getByText('纠正（2025-04-08）').waitFor();
    tally.cases[0]!.result = '结果纠正';
    await expectTable4(tally);
    expect(await reviewRow.getByRole('button', { name: '登记审结' }).count()).toBe(0);

    // Filters: only the open cases.
    await pick('审结情况筛选', '尚未审结');
    await expect.poll(() => cases.locator('tr.ant-table-row').count()).toBe(1);
    expect(await cases.locator('tr.ant-table-row').innerText()).toContain('（2025）甲0101行初5号');
    expect(scriptErrors).toEqual([]);
  }, 120_000);
});
