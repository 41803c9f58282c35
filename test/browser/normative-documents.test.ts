import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { browserMissing, browserSuiteTitle, chooseOption } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import {
  createTestOrganisation,
  createTestUser,
  type TestOrganisation,
} from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2025-04-08');
let org: TestOrganisation;
let officer: User;
let supervisor: User;

async function logIn(page: Page, user: User, next: string) {
  await suite.signIn(page, user, { next: next });
  await page.waitForURL((url) => url.pathname === next);
}

interface Doc {
  kind: '规章' | '行政规范性文件';
  number: string;
  issuedOn: string;
  repealedOn: string | null;
}

/** Table 二's document cells of `year`, counted by hand from what the test registered. */
function expectedStock(docs: Doc[], kind: Doc['kind'], year: number): number[] {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  const mine = docs.filter((d) => d.kind === kind);
  return [
    mine.filter((d) => d.issuedOn >= start && d.issuedOn <= end).length,
    mine.filter((d) => d.repealedOn !== null && d.repealedOn >= start && d.repealedOn <= end).length,
    mine.filter((d) => d.issuedOn <= end && (d.repealedOn === null || d.repealedOn > end)).length,
  ];
}

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
    officer = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    supervisor = await createTestUser(server.app.db, 'supervisor', { regionId: org.cityA.id });
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('normative documents and table 二 in a browser'), () => {
  it('issues and repeals documents, enters and imports figures, and table 二 follows', async () => {
    const { page, scriptErrors } = await suite.page();
    const pick = (label: string, option: string) =>
      chooseOption(page, page.getByLabel(label, { exact: true }), option);
    const date = async (label: string, value: string) => {
      await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByLabel(label, { exact: true }).press('Tab');
    };
    const fieldError = (label: string, text: string) =>
      page
        .locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) })
        .locator('.ant-form-item-explain-error', { hasText: text })
        .waitFor();
    const table2 = page.locator('.ant-descriptions', { hasText: '表二' });
    const cell = (label: string) =>
      table2.locator('th', { hasText: label }).first().locator('xpath=following-sibling::td[1]').innerText();
    const expectStock = async (docs: Doc[]) => {
      for (const kind of ['规章', '行政规范性文件'] as const) {
        await expect
          .poll(async () => [
            Number(await cell(`${kind} 本年制发`)),
            Number(await cell(`${kind} 本年废止`)),
            Number(await cell(`${kind} 现行有效`)),
          ])
          .toEqual(expectedStock(docs, kind, 2025));
      }
    };

    await logIn(page, officer, '/workspace/normative-documents');
    await page.getByLabel('年度', { exact: true }).fill('2025');
    await page.getByLabel('年度', { exact: true }).press('Tab');
    await table2.getByText('2025年 表二').waitFor();
    const docs: Doc[] = [];
    await expectStock(docs);

    const issue = async (d: Doc) => {
      await pick('文件类别', d.kind);
      await page.getByLabel('文号', { exact: true }).fill(d.number);
      await page.getByLabel('文件标题', { exact: true }).fill(`关于${d.number}的通知`);
      await date('制发日期', d.issuedOn);
      await page.getByRole('button', { name: '登记制发' }).click();
    };
    const listed = page.locator('.ant-table-wrapper', { hasText: '制发日期' });
    for (const d of [
      { kind: '规章', number: '甲政令〔2024〕2号', issuedOn: '2024-05-01', repealedOn: null },
      { kind: '行政规范性文件', number: '甲政规〔2025〕1号', issuedOn: '2025-02-10', repealedOn: null },
      { kind: '行政规范性文件', number: '甲政规〔2025〕2号', issuedOn: '2025-03-01', repealedOn: null },
    ] as Doc[]) {
      await issue(d);
      await listed.locator('tr.ant-table-row', { hasText: d.number }).getByText('现行有效').waitFor();
      docs.push(d);
      await expectStock(docs);
    }
    // A number already registered and a date after today are refused next to their fields.
    await issue({
      kind: '行政规范性文件',
      number: '甲政规〔2025〕1号',
      issuedOn: '2025-04-01',
      repealedOn: null,
    });
    await fieldError('文号', '已登记');
    await issue({
      kind: '行政规范性文件',
      number: '甲政规〔2025〕3号',
      issuedOn: '2025-04-09',
      repealedOn: null,
    });
    await fieldError('制发日期', '晚于今天');

    // Repeal: a date before the issue is refused in the dialog, then recorded.
    const row = listed.locator('tr.ant-table-row', { hasText: '甲政规〔2025〕2号' });
    await row.getByRole('button', { name: /^废\s*止$/ }).click();
    const dialog = page.getByRole('dialog');
    await date('废止日期', '2025-02-01');
    await dialog.getByRole('button', { name: '确认废止' }).click();
    await fieldError('废止日期', '早于制发日期 2025-03-01');
    await date('废止日期', '2025-04-01');
    await dialog.getByRole('button', { name: '确认废止' }).click();
    await row.getByText('已于 2025-04-01 废止').waitFor();
    docs[2]!.repealedOn = '2025-04-01';
    await expectStock(docs);
    expect(await row.getByRole('button', { name: /^废\s*止$/ }).count()).toBe(0);

    // Figures entered in the form, then replaced by a CSV import.
    await expect.poll(() => cell('行政许可')).toBe('未填写');
    await page.getByLabel('行政许可', { exact: true }).fill('12');
    await page.getByRole('button', { name: '保存并重新汇总' }).click();
    await expect.poll(() => cell('行政许可')).toBe('12');
    const csv = `机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n${org.agencyX.id},2025,15,3,1,2.5\n`;
    await page.locator('input[type=file]').setInputFiles({
      name: 'figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByText('已导入：新增 0 条，更新 1 条').waitFor();
    await expect
      .poll(async () => [await cell('行政许可'), await cell('行政处罚'), await cell('行政强制')])
      .toEqual(['15', '3', '1']);
    expect(Number(await cell('行政事业性收费（万元）'))).toBe(2.5);
    await expect.poll(() => page.getByLabel('行政处罚', { exact: true }).inputValue()).toBe('3');
    // A bad CSV changes nothing and says why.
    await page.locator('input[type=file]').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${csv.split('\n')[0]}\n${org.agencyX.id},2025,-4,0,0,0\n`, 'utf8'),
    });
    await page.getByRole('alert').filter({ hasText: '“-4”应为不小于0的整数' }).waitFor();
    expect(await page.getByText('已导入').count()).toBe(0);
    expect(await cell('行政许可')).toBe('15');
    expect(scriptErrors).toEqual([]);
  }, 120_000);

  it('lets a supervisor read the documents without the forms', async () => {
    const { page, scriptErrors } = await suite.page();
    await logIn(page, supervisor, '/workspace/normative-documents');
    await chooseOption(page, page.getByLabel('机关'), org.agencyX.name);
    await page.getByText('甲政规〔2025〕1号', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '登记制发' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^废\s*止$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存并重新汇总' }).count()).toBe(0);
    expect(scriptErrors).toEqual([]);
  }, 60_000);
});
