import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { browserMissing, browserSuiteTitle, chooseOption, recordStep } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import {
  createTestOrganisation,
  createTestUser,
  TEST_APPLICANT,
  type TestOrganisation,
} from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

/**
 * The first week of January, seen from 7 December 2026 (issue 15): no 2027 arrangement is entered,
 * so a deadline running into 2027 is counted by the statutory holidays alone and marked 暂定 on the
 * case page, in the letter and on the public tracking page; once the administrator pastes the 2027
 * notice, the deadline is recomputed, audited and exact.
 *
 * Expected dates, counted by hand: received Monday 2026-12-07, 20 working days from 12-08 are the
 * 18 of December (8–11, 14–18, 21–25, 28–31) and 4–5 January (1 January 元旦) → 2027-01-05; 20
 * more after the extension: 6–8, 11–15, 18–22, 25–29 January, 1–2 February → 2027-02-02. The
 * made-up 2027 notice changes nothing before 5 February, so the date stays and only the mark goes.
 */
const NOTICE = readFileSync(
  new URL('../fixtures/calendar/2027-holiday-notice-made-up.txt', import.meta.url),
  'utf8',
);
const REASON = '2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定';

const clock = new TestClock('2026-12-07');
let org: TestOrganisation;
let officer: User;
let admin: User;
let applicationId: string;
let trackingNumber: string;
let followUpCode: string;

async function openCase(page: Page): Promise<void> {
  const caseUrl = `/workspace/applications/${applicationId}?agency=${org.agencyX.id}`;
  await suite.signIn(page, officer, { next: caseUrl });
  await page.getByRole('heading', { name: `申请 ${trackingNumber}` }).waitFor();
}

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
    officer = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    admin = await createTestUser(server.app.db, 'admin');
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/public/agencies/${org.agencyX.id}/applications`,
      payload: {
        applicantType: 'naturalPerson',
        applicant: { ...TEST_APPLICANT },
        description: '本县2026年冬季清洁取暖补贴发放情况',
        requestedForm: { media: ['paper'], delivery: ['post'] },
      },
    });
    expect(res.statusCode).toBe(201);
    ({ trackingNumber, followUpCode } = res.json());
    // The public answer carries no internal id: the officer finds the application in the register.
    const row = await server.app.db.selectFrom('applications').select('id').executeTakeFirstOrThrow();
    applicationId = row.id;
  },
});

describe.skipIf(browserMissing)(
  browserSuiteTitle('the year end: provisional deadlines and the next year entered'),
  () => {
    it('extends into 2027 with a 暂定 date on the case page, in the letter and on the tracking page', async () => {
      const { page, scriptErrors } = await suite.page();
      await openCase(page);
      // The banner tells the officer what is missing and what follows from it.
      await page.getByRole('alert').filter({ hasText: '2027年节假日安排尚未录入' }).first().waitFor();
      const facts = page.locator('.ant-descriptions').first();
      await expect.poll(() => facts.innerText()).toContain('2027-01-05');
      expect(await facts.innerText()).toContain('暂定');

      await chooseOption(page, page.getByLabel('办理步骤'), '延长答复期限');
      for (const label of ['批准延期之日', '告知申请人之日']) {
        await page.getByLabel(label).fill('2026-12-07');
        await page.getByLabel(label).press('Tab');
      }
      await page.getByLabel('延长工作日数（最多20）').fill('20');
      await page.getByLabel('批准人（政府信息公开工作机构负责人）').fill('王主任');
      await recordStep(page);
      await page.locator('.ant-timeline').getByText('延长答复期限').waitFor();
      await expect.poll(() => facts.innerText()).toContain('2027-02-02');
      expect(await facts.innerText()).toContain('暂定');
      await page.getByText(REASON).first().waitFor();

      // The 延期告知书 states the provisional date and says that it is provisional.
      await chooseOption(page, page.getByLabel('文书种类'), '延期答复告知书');
      await page.getByLabel('网页（HTML）').check();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '生成并下载' }).click(),
      ]);
      const letter = readFileSync(await file.path(), 'utf8');
      expect(letter).toContain('2027年2月2日');
      expect(letter).toContain('暂定');

      // The applicant sees the same date, marked 暂定 — and no claim that the clock is paused.
      const pub = await suite.page();
      await pub.page.goto(`${suite.server.url}/track`);
      await chooseOption(pub.page, pub.page.getByLabel('受理机关'), org.agencyX.name);
      await pub.page.getByLabel('受理编号').fill(trackingNumber);
      await pub.page.getByLabel('查询码').fill(followUpCode);
      await pub.page.getByRole('button', { name: /查\s*询/ }).click();
      const result = pub.page.getByRole('region', { name: '办理情况' });
      await result.getByText('2027-02-02').waitFor();
      expect(await result.innerText()).toContain('暂定');
      expect(await result.innerText()).not.toContain('暂停计算');
      expect([...scriptErrors, ...pub.scriptErrors]).toEqual([]);
    }, 90_000);

    it('lets the administrator paste the 2027 notice, then the deadline is exact and the change audited', async () => {
      const { page, scriptErrors } = await suite.page();
      await suite.signIn(page, admin, { next: '/workspace/admin?tab=calendar' });
      await page.getByRole('button', { name: '录入新年度节假日安排' }).click();
      // Text that is not a notice is refused, saying which line.
      await page
        .getByLabel(/部分节假日安排的通知/)
        .fill('国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：放假几天再说');
      await page.getByRole('button', { name: '解析通知' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /第\d+行/ })
        .waitFor();

      await page.getByLabel(/部分节假日安排的通知/).fill(NOTICE);
      await page.getByRole('button', { name: '解析通知' }).click();
      await page.getByText('请核对2027年节假日安排，确认无误后保存').waitFor();
      const calendar = page.getByRole('region', { name: '2027年节假日安排日历' });
      expect(await calendar.locator('[data-date="2027-02-11"]').getAttribute('data-kind')).toBe('rest');
      expect(await calendar.locator('[data-date="2027-02-14"]').getAttribute('data-kind')).toBe('work');
      expect(await calendar.locator('[data-date="2027-03-01"]').getAttribute('data-kind')).toBe('day');
      await page.getByRole('button', { name: '确认保存' }).click();
      await page.getByRole('status').filter({ hasText: '已保存2027年节假日安排' }).waitFor();
      expect(await page.getByRole('status').innerText()).toMatch(/1件未办结申请/);
      await page.getByRole('cell', { name: '2027', exact: true }).waitFor();

      const officerPage = await suite.page();
      await openCase(officerPage.page);
      const facts = officerPage.page.locator('.ant-descriptions').first();
      await expect.poll(() => facts.innerText()).toContain('2027-02-02');
      expect(await facts.innerText()).not.toContain('暂定');
      await officerPage.page
        .locator('.ant-timeline')
        .getByText(/依据2027年节假日安排重新计算/)
        .waitFor();
      expect(
        await officerPage.page.getByRole('alert').filter({ hasText: '2027年节假日安排尚未录入' }).count(),
      ).toBe(0);
      expect([...scriptErrors, ...officerPage.scriptErrors]).toEqual([]);
    }, 90_000);
  },
);
