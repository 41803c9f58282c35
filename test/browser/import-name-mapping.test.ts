import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { saveAgencyRename } from '../../src/store/organisation/agency-history.repository.ts';
import {
  createAgency,
  createRegion,
  getAgency,
} from '../../src/store/organisation/organisation.repository.ts';
import { browserMissing, browserSuiteTitle, chooseOption } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { generateValidReport } from '../support/generate-report.ts';
import { reportToText } from '../support/report-to-text.ts';
import { createTestUser } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2025-06-02');
let supervisor: User;
let dir: string;
const files: string[] = [];
const ids: Record<string, string> = {};

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    const db = server.app.db;
    const region = await createRegion(db, { code: '640598', name: '映射市', level: 'city' });
    for (const name of ['映射市数据局', '映射市教育局', '映射市水利局']) {
      ids[name] = (await createAgency(db, { regionId: region.id, name, kind: 'department' })).id;
    }
    // 水利局 became 水务局: its report printed the former name and is matched by it.
    const water = await getAgency(db, ids.映射市水利局!);
    await saveAgencyRename(db, water!, '映射市水务局', '2025-03-01');
    supervisor = await createTestUser(db, 'supervisor', { regionId: region.id });
    dir = mkdtempSync(join(tmpdir(), 'gongkai-mapping-'));
    // The report of 数据局 printed the name it had in 2024 (like seed 000), which nothing records.
    const printed = ['映射市云计算和大数据发展局', '映射市水利局'];
    for (const [i, agency] of printed.entries()) {
      const report = { ...generateValidReport(30 + i, { agency, year: 2024 }), publishedOn: '2025-01-20' };
      const path = join(dir, `报告${i + 1}.txt`);
      writeFileSync(path, `${reportToText(report)}发布日期：${report.publishedOn}\n`);
      files.push(path);
    }
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('name mapping in the web import'), () => {
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the supervisor choose the agency of an unknown name in the preview, previews again, and imports under it', async () => {
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, supervisor, { next: '/workspace' });
    await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
    await page.goto(`${suite.server.url}/workspace/region/import`);
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByText('预览：请核对每份报告识别出的机关和年度').waitFor();
    const rows = page.locator('.ant-table-tbody tr');
    const unknown = rows.filter({ hasText: '映射市云计算和大数据发展局' });
    const former = rows.filter({ hasText: '报告2.txt' });
    await unknown.getByText('跳过').waitFor();
    await former.getByText('待导入').waitFor();
    // The former name is shown as such, its agency chosen and changeable.
    await former.getByText('按曾用名对应').waitFor();
    expect(await former.innerText()).toContain('映射市水务局（曾用名：映射市水利局）');
    await page.getByText(/有的报告对应不到本地区的机关/).waitFor();
    expect(await page.getByRole('button', { name: /确认导入 1 份/ }).isEnabled()).toBe(true);

    await chooseOption(
      page,
      unknown.getByRole('combobox', { name: '“映射市云计算和大数据发展局”对应的机关' }),
      '映射市数据局',
    );
    // A changed choice must be previewed before anything is confirmed.
    await page.getByText('对应机关已更改：请按所选机关重新预览，核对后再确认导入').waitFor();
    expect(await page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '按所选机关重新预览' }).click();
    await expect.poll(() => rows.locator('.ant-tag', { hasText: '待导入' }).count()).toBe(2);
    await page.getByRole('button', { name: /确认导入 2 份/ }).click();
    await page.getByText('导入完成：新导入 2 份，已导入过 0 份，跳过 0 份').waitFor();

    const stored = await suite.server.app.db
      .selectFrom('annual_reports')
      .select(['agency_id', 'year'])
      .orderBy('agency_id')
      .execute();
    expect(stored.map((r) => [r.agency_id, r.year]).sort()).toEqual(
      [
        [ids.映射市数据局, 2024],
        [ids.映射市水利局, 2024],
      ].sort(),
    );
    expect(scriptErrors).toEqual([]);
  }, 120_000);
});
