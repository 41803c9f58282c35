import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import type { Report } from '../../src/core/report/schema.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { importCorpusThroughStore } from '../support/import-corpus.ts';
import { createCorpusRegion, format2019Files, regionCorpus } from '../support/region-corpus.ts';
import { createTestUser } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2025-06-02');
let supervisor: User;
const old: Report[] = [];

/**
 * The region history with years of the 2019 format (国办公开办函〔2019〕60号): 2019 and 2020 in that
 * format, 2021 in the 2021 format, 2022–2023 without reports. Table 二 is shown in the 2019 format's
 * own rows and columns for its years, the 2021 year beside them unmapped, the others 无数据.
 */
describe.skipIf(browserMissing)(
  browserSuiteTitle('region history with 2019-format years in a browser'),
  () => {
    const suite = setUpBrowserSuite({
      now: clock.now,
      prepare: async (server) => {
        const db = server.app.db;
        const corpus = regionCorpus({ agencies: 3, years: [2021], seed: 9 });
        const { region } = await createCorpusRegion(db, corpus);
        const files = format2019Files(corpus, 200);
        old.push(...files.map((f) => f.report));
        const summary = await importCorpusThroughStore(db, region.id, { files: [...files, ...corpus.files] });
        expect(summary.imported).toBe(files.length + corpus.files.length);
        supervisor = await createTestUser(db, 'supervisor', { regionId: region.id });
      },
      timeout: 120_000,
    });

    /** Summed here with plain loops from the generated reports, not by the code under test. */
    const sum = (year: number, pick: (r: Report) => number | null) =>
      old.filter((r) => r.year === year).reduce((s, r) => s + pick(r)!, 0);

    it.each([
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ])(
      'shows table 二 of the 2019-format years in that format’s own rows and columns at $width×$height',
      async (viewport) => {
        const { page, scriptErrors } = await suite.signedIn(supervisor, {
          next: '/workspace/region',
          viewport,
        });
        await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
        const year = page.getByRole('spinbutton', { name: '年度', exact: true });
        await year.fill('2023');
        await year.press('Enter');
        const card = page.locator('.ant-card', { hasText: '近年表二（2019年格式）' });
        await card.waitFor();
        // The format's own captions, rows and columns.
        for (const text of [
          '第二十条第（九）项',
          '政府集中采购',
          '采购总金额',
          '上一年项目数量',
          '本年增/减',
          '对外公开总数量',
        ]) {
          await card.getByText(text, { exact: true }).first().waitFor();
        }
        const cell = (key: string) => card.locator(`[data-cell="${key}"]`);
        await expect
          .poll(() => cell('2019.licensing.decisions').innerText(), { timeout: 15_000 })
          .toBe(String(sum(2019, (r) => r.format2019!.table2.licensing.decisions)));
        expect(await cell('2020.otherServices.change').innerText()).toBe(
          String(sum(2020, (r) => r.format2019!.table2.otherServices.change)),
        );
        expect(await cell('2020.normativeDocuments.total').innerText()).toBe(
          String(sum(2020, (r) => r.format2019!.table2.normativeDocuments.total)),
        );
        // 2021 stands beside them, named and not mapped; the years without reports say 无数据.
        await card.getByText('该年报告为2021年格式，表二的行列不同，不折算为2019年格式').waitFor();
        expect(await card.locator('[data-cell^="2021."]').count()).toBe(0);
        expect(await card.getByText('无数据', { exact: true }).count()).toBe(2);
        expect(await card.locator('thead').innerText()).toMatch(
          /2019年[\s\S]*2019年格式[\s\S]*2021年[\s\S]*2021年格式/,
        );
        // The card fits the screen; a narrow one scrolls the table, not the page.
        const box = await card.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(viewport.width);
        await cell('2020.procurement.projects').scrollIntoViewIfNeeded();
        expect(await cell('2020.procurement.projects').isVisible()).toBe(true);
        expect(scriptErrors).toEqual([]);
        await page.close();
      },
      120_000,
    );

    it('takes a year of the 2019 format in the year field and shows that year', async () => {
      const { page, scriptErrors } = await suite.signedIn(supervisor, { next: '/workspace/region' });
      await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
      const year = page.getByRole('spinbutton', { name: '年度', exact: true });
      await year.fill('2019');
      await year.press('Enter');
      // The field keeps 2019 (it used to be raised to its minimum, 2021).
      await expect.poll(() => year.inputValue(), { timeout: 15_000 }).toBe('2019');
      const card = page.locator('.ant-card', { hasText: '近年表二（2019年格式）' });
      await card.waitFor();
      // The history ends with 2019: 2015–2018 have no reports, 2019 its own figures.
      await expect
        .poll(() => card.locator('[data-cell="2019.licensing.decisions"]').innerText(), { timeout: 15_000 })
        .toBe(String(sum(2019, (r) => r.format2019!.table2.licensing.decisions)));
      expect(await card.locator('[data-cell^="2020."]').count()).toBe(0);
      expect(await card.locator('thead').innerText()).toMatch(/2015年[\s\S]*2019年/);
      expect(scriptErrors).toEqual([]);
      await page.close();
    }, 120_000);
  },
);
