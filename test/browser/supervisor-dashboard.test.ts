import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { generateValidReport } from '../support/generate-report.ts';
import { reportToText } from '../support/report-to-text.ts';
import { createTestUser } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2025-06-02');
let supervisor: User;
let dir: string;
const files: string[] = [];
let undated = '';

async function uploadAndConfirm(page: Page) {
  await page.goto(`${suite.server.url}/workspace/region/import`);
  await page.locator('input[type=file]').setInputFiles(files);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await page.getByText('预览：请核对每份报告识别出的机关和年度').waitFor();
}

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    const db = server.app.db;
    const region = await createRegion(db, { code: '640599', name: '测试市', level: 'city' });
    const names = ['测试市教育局', '测试市交通运输局', '测试市水务局', '测试市卫生健康委员会'];
    for (const name of names) await createAgency(db, { regionId: region.id, name, kind: 'department' });
    supervisor = await createTestUser(db, 'supervisor', { regionId: region.id });
    dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    // 教育局 on time; 交通运输局 late and with a table 三 total that does not add up; 水务局 none.
    const onTime = {
      ...generateValidReport(11, { agency: names[0]!, year: 2024 }),
      publishedOn: '2025-01-20',
    };
    const late = { ...generateValidReport(12, { agency: names[1]!, year: 2024 }), publishedOn: '2025-02-20' };
    late.table3.granted[0]! += 1;
    late.table3.granted[6]! += 1;
    for (const [i, report] of [onTime, late].entries()) {
      const path = join(dir, `报告${i + 1}.txt`);
      writeFileSync(path, `${reportToText(report)}发布日期：${report.publishedOn}\n`);
      files.push(path);
    }
    // 卫生健康委员会: a report that states no publication date (imported in the second test).
    undated = join(dir, '报告3.txt');
    writeFileSync(undated, reportToText(generateValidReport(13, { agency: names[3]!, year: 2024 })));
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('supervising office in a browser'), () => {
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  // The broken row: （一）予以公开 + 1, so （七）总计 no longer equals the sum of the outcomes (T3-02).
  it('imports a folder of reports, then finds the late agency, the missing one and the finding', async () => {
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, supervisor, { next: '/workspace' });
    // A supervisor starts at the region overview.
    await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();

    await uploadAndConfirm(page);
    const preview = page.locator('.ant-table-tbody');
    await expect.poll(() => preview.locator('.ant-tag', { hasText: '待导入' }).count()).toBe(2);
    await page.getByRole('button', { name: /确认导入 2 份/ }).click();
    await page.getByText('导入完成：新导入 2 份，已导入过 0 份，跳过 0 份').waitFor();

    // The same files again are recognised, not stored twice.
    await uploadAndConfirm(page);
    await expect.poll(() => preview.locator('.ant-tag', { hasText: '已导入过' }).count()).toBe(2);
    await page
      .getByRole('button', { name: '取 消' })
      .or(page.getByRole('button', { name: '取消' }))
      .first()
      .click();

    await page.getByRole('link', { name: '← 返回地区总览' }).click();
    // The import page has its own “只导入年度” field: type the year only once the overview is shown.
    await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
    const year = page.getByRole('spinbutton', { name: '年度', exact: true });
    await year.fill('2024');
    await year.press('Enter');
    const row = (name: string) => page.locator('.ant-table-tbody tr', { hasText: name });
    await row('测试市交通运输局').getByText('逾期发布').waitFor();
    await row('测试市水务局').getByText('逾期未发布').waitFor();
    await row('测试市教育局').getByText('已按时发布').waitFor();
    expect(await row('测试市交通运输局').innerText()).toMatch(/\d+ 错误/);

    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '汇总报告 DOCX' }).click(),
    ]);
    expect(summary.suggestedFilename()).toBe('测试市2024年政府信息公开工作年度报告汇总.docx');

    await row('测试市交通运输局').getByRole('link').click();
    await page.getByRole('heading', { name: /测试市交通运输局 2024年度报告/ }).waitFor();
    await page
      .getByText(/表三 “（七）总计”行 “自然人”列/)
      .first()
      .waitFor();
    await expect
      .poll(() => page.locator('[data-cell="table3.totalConcluded.自然人"]').getAttribute('aria-invalid'))
      .toBe('true');
    // Every finding is located in words a user knows: no raw keys such as overview or meta.
    const findings = page.locator('.ant-card', { hasText: '核查结果' }).first();
    expect(await findings.innerText()).not.toMatch(
      /\b(overview|meta|problems|other|table\d|[a-z]+[A-Z]\w*)\b/,
    );
    expect(scriptErrors).toEqual([]);
  }, 120_000);

  it('counts a report without a publication date as 发布日期不详, and exports with Chinese headers', async () => {
    const { page, scriptErrors } = await suite.signedIn(supervisor, { next: '/workspace/region/import' });
    await page.locator('input[type=file]').setInputFiles([undated]);
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByRole('button', { name: /确认导入 1 份/ }).click();
    await page.getByText('导入完成：新导入 1 份，已导入过 0 份，跳过 0 份').waitFor();
    await page.goto(`${suite.server.url}/workspace/region`);
    await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
    const year = page.getByRole('spinbutton', { name: '年度', exact: true });
    await year.fill('2024');
    await year.press('Enter');
    const row = (name: string) => page.locator('.ant-table-tbody tr', { hasText: name });
    await row('测试市卫生健康委员会').getByText('发布日期不详').waitFor();
    expect(await row('测试市卫生健康委员会').innerText()).not.toContain('已按时发布');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const header = csv.split(/\r?\n/)[0]!;
    // The web's download is for people: the tables' own words, not the programs' snake_case keys.
    expect(header).toContain('行政区划代码');
    expect(header).not.toMatch(/[a-z]+_[a-z]+/);
    expect(csv).toContain('测试市卫生健康委员会');
    expect(scriptErrors).toEqual([]);
  }, 120_000);
});
