import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import {
  browserMissing,
  browserSuiteTitle,
  chooseOption,
  chooseUntil,
  recordStep,
  settledDropdown,
} from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import {
  createTestOrganisation,
  createTestUser,
  registrationBody,
  signIn,
  TEST_APPLICANT,
  TEST_PASSWORD,
  type TestOrganisation,
} from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2025-03-03');
let org: TestOrganisation;
let officer: User;
const ids: string[] = [];

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
    officer = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    for (const submittedOn of ['2025-03-03', '2025-04-01']) {
      clock.set(submittedOn);
      const headers = await signIn(server.app, officer.username);
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/applications`,
        headers,
        payload: registrationBody({ submittedOn }),
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().application.id);
    }
    clock.set('2025-04-08');
  },
});

/**
 * Waits for what an officer reads before recording a step on a case still 办理中: its heading, its
 * state and the step form (session, case and form loaded), instead of for a quiet network.
 */
async function caseShown(page: Page, trackingNumber: string): Promise<void> {
  await page.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor();
  await page.locator('.ant-descriptions').getByText('办理中', { exact: true }).waitFor();
  await page.getByLabel('办理步骤').waitFor();
}

describe.skipIf(browserMissing)(browserSuiteTitle('officer workspace in a browser'), () => {
  it('sends a signed-out officer to the login page and back to the case, then shows the inbox by deadline', async () => {
    const { page, scriptErrors } = await suite.page();
    const caseUrl = `/workspace/applications/${ids[0]}?agency=${org.agencyX.id}`;
    await page.goto(`${suite.server.url}${caseUrl}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill(officer.username);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page
      .getByRole('alert')
      .getByText(/用户名或密码/)
      .waitFor();
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === caseUrl);
    await page.getByRole('heading', { name: '申请 2025-0001' }).waitFor();
    // The due date and how it was computed; no personal data on the case page.
    await page.getByText('自收到申请之日（2025年3月3日）的次日起算第20个工作日').waitFor();
    const text = await page.locator('main, body').first().innerText();
    for (const personal of [TEST_APPLICANT.name, TEST_APPLICANT.phone, TEST_APPLICANT.idNumber]) {
      expect(text).not.toContain(personal);
    }
    // Shown on request to the officer handling it, and the reveal is in the audit trail.
    await page.getByRole('button', { name: '查看申请人信息' }).click();
    await page.getByText(TEST_APPLICANT.phone).waitFor();
    await page.locator('.ant-timeline').getByText('查看申请人个人信息').waitFor();

    await page.getByRole('link', { name: '← 返回待办' }).click();
    const rows = page.locator('.ant-table-tbody tr');
    await rows.first().getByText('2025-0001').waitFor();
    // 2025-0001 was due 2025-03-31: overdue on 8 April, listed first; 2025-0002 is not flagged.
    await expect.poll(() => rows.nth(0).innerText()).toContain('已逾期');
    expect(await rows.nth(1).innerText()).toContain('2025-0002');
    expect(await rows.nth(1).innerText()).not.toMatch(/已逾期|即将到期/);
    expect(await rows.nth(0).innerText()).toContain('欧**');
    await expect.poll(() => page.locator('.ant-statistic').nth(1).innerText()).toMatch(/已逾期\s*1/);
    expect(scriptErrors).toEqual([]);
  }, 60_000);

  it('registers a letter, asks for 补正, extends, answers and downloads the answer letter', async () => {
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, officer, { next: '/workspace' });
    await page.getByRole('button', { name: '登记申请' }).click();

    const pick = (label: string, option: string) =>
      chooseOption(page, page.getByLabel(label, { exact: true }), option);
    const date = async (label: string, value: string) => {
      // Typed, then Tab: Enter would submit the form.
      await page.getByLabel(label).fill(value);
      await page.getByLabel(label).press('Tab');
    };
    await pick('申请方式', '邮寄（挂号/需签收）');
    await date('提交、寄达或签收之日', '2025-04-07');
    await page.getByLabel('申请人姓名或名称').fill('钱七');
    await page.getByLabel('所需政府信息的名称、文号或者特征性描述').fill('本县2024年财政预算执行情况');
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('已登记：受理编号 2025-0003').waitFor();
    await page.getByRole('button', { name: '打开案卷' }).click();
    await page.getByRole('heading', { name: '申请 2025-0003' }).waitFor();

    const record = async (step: string, fill: () => Promise<void>, status: string) => {
      await pick('办理步骤', step);
      await fill();
      const shown = await recordStep(page);
      await page.locator('.ant-descriptions').getByText(status, { exact: true }).waitFor();
      return shown;
    };
    // Enter in a date field records nothing: no dialog, the case still 办理中 with no step.
    await pick('办理步骤', '发出补正通知');
    await page.getByLabel('日期').fill('2025-04-08');
    await page.getByLabel('日期').press('Enter');
    await page.getByLabel('日期').press('Enter');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('.ant-timeline').getByText('发出补正通知').count()).toBe(0);
    await record('发出补正通知', () => date('日期', '2025-04-08'), '待补正');
    await record('收到补正后的申请', () => date('日期', '2025-04-08'), '办理中');
    await record(
      '延长答复期限',
      async () => {
        await date('批准延期之日', '2025-04-08');
        await date('告知申请人之日', '2025-04-08');
        await page.getByLabel('延长工作日数（最多20）').fill('10');
        await page.getByLabel('批准人（政府信息公开工作机构负责人）').fill('王主任');
      },
      '办理中',
    );
    // Two items asked for: one provided, one not held — counted as （二）部分公开 (DOMAIN.md §A.6),
    // which the dialog says before anything is recorded.
    const answerShown = await record(
      '作出答复',
      async () => {
        await date('日期', '2025-04-08');
        await pick('办理结果', '（一）予以公开');
        // Searched: the list is long and only its visible part is rendered.
        await page.getByLabel('其他办理结果（申请多项内容且结果不同时选择）').fill('不掌握');
        await settledDropdown(page)
          .locator('.ant-select-item-option', { hasText: '本机关不掌握相关政府信息' })
          .first()
          .click();
        await page.keyboard.press('Escape');
      },
      '已办结',
    );
    expect(answerShown).toMatch(/计入年度报告表三\s*（二）部分公开/);
    expect(answerShown).toContain('办理步骤记录后不能撤销');
    await page.getByText('（二）部分公开').first().waitFor();
    // Each step is in the audit trail.
    for (const label of ['发出补正通知', '收到补正后的申请', '延长答复期限', '作出答复']) {
      await page.locator('.ant-timeline').getByText(label).waitFor();
    }

    await page.getByLabel('获取信息的方式、途径（予以公开、部分公开时必填）').fill('随本答复书送达');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '生成并下载' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(scriptErrors).toEqual([]);
  }, 90_000);

  it('records a fee notice only with the amount 国办函〔2020〕109号 gives for its basis, the error beside the amount', async () => {
    const headers = await signIn(suite.server.app, officer.username);
    const created = await suite.server.app.inject({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/applications`,
      headers,
      payload: registrationBody({ submittedOn: '2025-04-08' }),
    });
    expect(created.statusCode).toBe(201);
    const { id, trackingNumber } = created.json().application;
    const { page, scriptErrors } = await suite.page();
    const caseUrl = `/workspace/applications/${id}?agency=${org.agencyX.id}`;
    await suite.signIn(page, officer, { next: caseUrl });
    await caseShown(page, trackingNumber);
    await chooseOption(page, page.getByLabel('办理步骤'), '发出收费通知');
    await page.getByLabel('日期', { exact: true }).fill('2025-04-08');
    await page.getByLabel('日期', { exact: true }).press('Tab');
    await page.getByRole('radio', { name: '按量（页数）' }).check();
    await page.getByLabel('页数', { exact: true }).fill('41');
    await page.getByLabel('收费金额（元）').fill('100');
    const shown = await recordStep(page);
    expect(shown).toContain('按量');
    // 30 pages free, then 10 元 a page: 41 pages cost 110 元, not 100.
    await page.getByText('按41页计算的信息处理费为110元，与收费金额100元不一致').waitFor();
    expect(await page.locator('.ant-timeline').getByText('发出收费通知').count()).toBe(0);
    await page.getByLabel('收费金额（元）').fill('110');
    await recordStep(page);
    await page.locator('.ant-descriptions').getByText('待缴费', { exact: true }).waitFor();
    await page.locator('.ant-timeline').getByText('发出收费通知').waitFor();
    expect(scriptErrors).toEqual([]);
  }, 60_000);

  it('offers and records the art. 35 step while a case is in consultation', async () => {
    const { page, scriptErrors } = await suite.page();
    const caseUrl = `/workspace/applications/${ids[1]}?agency=${org.agencyX.id}`;
    await suite.signIn(page, officer, { next: caseUrl });
    await caseShown(page, '2025-0002');

    const pick = (label: string, option: string) => chooseOption(page, page.getByLabel(label), option);
    const date = async (label: string, value: string) => {
      await page.getByLabel(label).fill(value);
      await page.getByLabel(label).press('Tab');
    };
    // Picked again if a late re-render of a busy machine swallowed the choice.
    for (let attempt = 1; ; attempt++) {
      await pick('办理步骤', '征求第三方或其他机关意见');
      const shown = await page
        .getByLabel('第三方或机关名称')
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (shown || attempt === 3) break;
    }
    // The radio and the name first: an open date picker would cover them.
    await page.getByRole('radio', { name: '其他机关' }).check();
    await page.getByLabel('第三方或机关名称').fill('县财政局');
    await date('日期', '2025-04-02');
    await recordStep(page);
    await page.locator('.ant-descriptions').getByText('征求意见中', { exact: true }).waitFor();

    // A date picker still closing could cover the list: close every popup, then read the open list only.
    // The list is read until it settles: on a busy machine a closing dropdown can match first and then
    // vanish, so the select is opened again whenever no list is open.
    await page.keyboard.press('Escape');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const openStepList = async () => {
      if ((await options.count()) === 0) await page.getByLabel('办理步骤').click();
      return options.allInnerTexts();
    };
    await expect
      .poll(openStepList, { timeout: 15_000, interval: 500 })
      .toEqual(['收到征求意见的答复', '延长答复期限', '确定延迟答复期限（第三十五条）', '申请人撤回申请']);
    await options.filter({ hasText: '确定延迟答复期限（第三十五条）' }).click();
    await date('确定之日', '2025-04-08');
    const due = page.getByLabel('延迟答复期限', { exact: true });
    await due.fill('2025-05-30');
    await due.press('Tab');
    await recordStep(page);
    await page.locator('.ant-timeline').getByText('确定延迟答复期限（第三十五条）').waitFor();
    await page.locator('.ant-descriptions').getByText('征求意见中', { exact: true }).waitFor();
    expect(scriptErrors).toEqual([]);
  }, 60_000);

  it('flags the answer given after the deadline on the case and in the inbox, and counts it for the year', async () => {
    // 2025-0001 was due Monday 2025-03-31; answered on 2025-04-08: 04-01, 04-02, 04-03, (清明
    // 04-04…04-06), 04-07, 04-08 — five working days late.
    const headers = await signIn(suite.server.app, officer.username);
    const url = `/api/agencies/${org.agencyX.id}/applications/${ids[0]}`;
    const version = (await suite.server.app.inject({ url, headers })).json().application.version;
    const answered = await suite.server.app.inject({
      method: 'POST',
      url: `${url}/events`,
      headers,
      payload: {
        event: { type: 'answered', on: '2025-04-08', outcome: 'granted' },
        expectedVersion: version,
      },
    });
    expect(answered.statusCode).toBe(200);
    const late = '逾期答复（超过答复期限5个工作日）';

    const { page, scriptErrors } = await suite.page();
    const caseUrl = `/workspace/applications/${ids[0]}?agency=${org.agencyX.id}`;
    await suite.signIn(page, officer, { next: caseUrl });
    await page.getByRole('heading', { name: '申请 2025-0001' }).waitFor();
    await page.getByText(late).waitFor();

    await page.getByRole('link', { name: '← 返回待办' }).click();
    const rows = page.locator('.ant-table-tbody tr');
    await chooseUntil(page, '办理状态', '逾期答复', async () => {
      const texts = await rows.allInnerTexts();
      return texts.length === 1 && texts[0]!.includes(late);
    });
    expect(await rows.first().innerText()).toContain('2025-0001');
    await expect
      .poll(() => page.getByLabel('本年答复情况').innerText())
      .toMatch(/2025年作出答复.*逾期答复\s*[1-9]/s);
    expect(scriptErrors).toEqual([]);
  }, 60_000);
});
