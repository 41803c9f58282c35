import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import {
  browserMissing,
  browserSuiteTitle,
  confirmInPopconfirm,
  waitForOutcome,
} from '../support/browser.ts';
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
let reviewer: User;

async function logIn(page: Page, user: User, next: string) {
  await suite.signIn(page, user, { next: next });
}

/** The card listing the year's versions, each with its state. */
function versionList(page: Page) {
  return page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^版本$/ }) });
}

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
    officer = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    reviewer = await createTestUser(server.app.db, 'reviewer', { agencyId: org.agencyX.id });
    // A year of records: three applications in 2025, two answered (granted), one still open.
    for (const [submittedOn, answer] of [
      ['2025-03-03', '2025-03-20'],
      ['2025-06-02', '2025-06-16'],
      ['2025-12-22', null],
    ] as const) {
      clock.set(submittedOn);
      const headers = await signIn(server.app, officer.username);
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/applications`,
        headers,
        payload: registrationBody({ submittedOn }),
      });
      expect(res.statusCode).toBe(201);
      if (answer) {
        clock.set(answer);
        const h = await signIn(server.app, officer.username);
        const done = await server.app.inject({
          method: 'POST',
          url: `/api/agencies/${org.agencyX.id}/applications/${res.json().application.id}/events`,
          headers: h,
          payload: { event: { type: 'answered', on: answer, outcome: 'granted' }, expectedVersion: 1 },
        });
        expect(done.statusCode).toBe(200);
      }
    }
    clock.set('2026-01-12');
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('annual report in a browser'), () => {
  it('assembles 2025 from the records, fixes its findings, submits; the reviewer approves and publishes', async () => {
    const { page, scriptErrors } = await suite.page();
    await logIn(page, officer, '/workspace/reports');
    await page.getByLabel('年度').fill('2025');
    await page.getByRole('button', { name: '由台账汇总生成报告草稿' }).click();
    await page.getByRole('heading', { name: /2025年政府信息公开工作年度报告/ }).waitFor();

    // Table 三 from the records: 3 received, 2 granted, 1 carried forward (natural persons).
    const cell = (ref: string) => page.locator(`[data-cell="${ref}"]`);
    expect(await cell('table3.newReceived.自然人').innerText()).toBe('3');
    expect(await cell('table3.granted.总计').innerText()).toBe('2');
    expect(await cell('table3.carriedForward.总计').innerText()).toBe('1');
    // Not entered yet: table 二 (五)(六)(八) are blank, flagged beside the cell, and block submission.
    await expect
      .poll(() => cell('table2.licensing.本年处理决定数量').getAttribute('aria-invalid'))
      .toBe('true');
    await page.getByText(/核查发现 \d+ 个错误，改正后才能提交审核/).waitFor();
    expect(await page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);

    await page.getByLabel('行政许可').fill('13');
    await page.getByLabel('行政处罚').fill('4');
    await page.getByLabel('行政强制').fill('0');
    await page.getByLabel('行政事业性收费（万元）').fill('12.5');
    await page.getByRole('button', { name: '保存并重新汇总' }).click();
    await waitForOutcome(page, page.getByText('已保存统计数据并重新汇总表格'));
    expect(await cell('table2.licensing.本年处理决定数量').innerText()).toBe('13');
    expect(await cell('table2.licensing.本年处理决定数量').getAttribute('aria-invalid')).toBeNull();

    // The drafting leaves a placeholder where only the office knows the words: an error, not a report.
    await page
      .getByText(/正文中仍有待填写的占位文字/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);
    await page.locator('#section-problems').fill('依申请公开答复文书规范性有待提高，下一步将加强培训。');
    await page.locator('#section-other').fill('本年度未收取信息处理费。年度政务公开工作要点已落实。');
    await page.getByRole('button', { name: /保存正文/ }).click();
    await waitForOutcome(page, page.getByText('已保存', { exact: true }));
    await page.getByRole('button', { name: /提交审核/ }).click();
    await waitForOutcome(page, page.locator('.ant-descriptions').getByText('已提交审核', { exact: true }));

    // The reviewer approves and publishes.
    // The reviewer finds it waiting on the report list, as disclosures do.
    const reviewerPage = (await suite.page()).page;
    await logIn(reviewerPage, reviewer, '/workspace/reports');
    const waiting = reviewerPage.getByRole('region', { name: '待我审核的年度报告' });
    await waiting.getByRole('link', { name: /年度报告（第1版）/ }).click();
    await reviewerPage.getByRole('button', { name: /审核通过/ }).click();
    await waitForOutcome(reviewerPage, reviewerPage.locator('.ant-descriptions').getByText('已审核通过'));
    // The page then asks for the year's version list: the clock may only move once that request is
    // answered, or the server meets the reviewer's session at 2026-02-02, expired, and the page
    // is sent to the login page.
    await versionList(reviewerPage).getByText('已审核通过', { exact: true }).waitFor();
    // Opened after 31 January, the confirmation says before anything happens that it would be late.
    clock.set('2026-02-02');
    const later = (await suite.page()).page;
    const reportUrl = new URL(reviewerPage.url());
    await logIn(later, reviewer, `${reportUrl.pathname}${reportUrl.search}`);
    await later.getByRole('button', { name: /^发\s*布$/ }).click();
    expect(await confirmInPopconfirm(later, /取\s*消/)).toMatch(
      /今天已超过公布期限（2026-01-31），发布后将标注为逾期发布/,
    );
    await later.close();
    clock.set('2026-01-12');
    // Publishing cannot be undone: it is confirmed first, and the report is on time (no late warning).
    await reviewerPage.getByRole('button', { name: /^发\s*布$/ }).click();
    const confirmation = await confirmInPopconfirm(reviewerPage, '确定发布');
    expect(confirmation).toContain('发布后不能撤回');
    expect(confirmation).not.toContain('逾期');
    // Publishing prints the report (HTML, DOCX, PDF through Chromium): allowed a minute on a busy machine.
    await waitForOutcome(reviewerPage, reviewerPage.locator('.ant-descriptions').getByText('已发布'), {
      timeout: 60_000,
    });
    // The version list says the state the step caused, without a reload.
    await versionList(reviewerPage).getByText('已发布', { exact: true }).waitFor();
    expect(await reviewerPage.getByText('已提交审核', { exact: true }).count()).toBe(0);
    await reviewerPage.locator('.ant-descriptions').getByText('2026-01-12').waitFor();
    // Published: locked — no editing, only a correction as a new version.
    expect(await reviewerPage.locator('#section-problems').getAttribute('readonly')).not.toBeNull();
    await reviewerPage.getByRole('button', { name: '更正（生成新版本）' }).waitFor();
    // Each step is in the audit trail, by its Chinese name.
    for (const step of ['汇总生成草稿', '重新汇总表格数据', '修改正文', '提交审核', '审核通过', '发布']) {
      await reviewerPage.locator('.ant-timeline').getByText(step).first().waitFor();
    }
    expect(scriptErrors).toEqual([]);
  }, 120_000);
});
