import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { ocrAvailable } from '../../src/documents/ingest/ocr/tesseract.ts';
import { createAgency, createRegion } from '../../src/store/organisation/organisation.repository.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { generateValidReport } from '../support/generate-report.ts';
import { createTestUser } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

/*
 * The pages of a scanned report (test/fixtures/scanned/generated-1.zip: three JPEG pages of
 * generated report 1) chosen together in the web import: the page-by-page OCR progress while the
 * job reads them, then one report of the three pages labelled 扫描件, on a desktop and a phone.
 */

const clock = new TestClock('2025-06-02');
const SCANNED = generateValidReport(1);
const ZIP = unzipSync(
  new Uint8Array(readFileSync(new URL('../fixtures/scanned/generated-1.zip', import.meta.url))),
);
let supervisor: User;
let dir: string;
const files: string[] = [];

/** The page's content is no wider than the window (nothing cut off or scrolled sideways). */
const fitsWidth = async (page: Page) =>
  Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) <= 1;

describe.skipIf(browserMissing || !ocrAvailable())(
  browserSuiteTitle('scanned pages in the web import'),
  () => {
    const suite = setUpBrowserSuite({
      now: clock.now,
      prepare: async (server) => {
        const db = server.app.db;
        const region = await createRegion(db, { code: '640597', name: '测试市', level: 'city' });
        await createAgency(db, { regionId: region.id, name: SCANNED.agency, kind: 'department' });
        supervisor = await createTestUser(db, 'supervisor', { regionId: region.id });
        dir = mkdtempSync(join(tmpdir(), 'gongkai-scan-'));
        for (const [name, bytes] of Object.entries(ZIP)) {
          writeFileSync(join(dir, name), bytes);
          files.push(join(dir, name));
        }
      },
      timeout: 120_000,
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows the OCR progress page by page, then one report of the pages tagged 扫描件, at 1440×900 and 390×844', async () => {
      const { page, scriptErrors } = await suite.signedIn(supervisor, {
        next: '/workspace',
        viewport: { width: 1440, height: 900 },
      });
      await page.getByRole('heading', { name: '地区年度报告总览' }).waitFor();
      await page.goto(`${suite.server.url}/workspace/region/import`);
      await page.locator('input[type=file]').setInputFiles(files);
      await page.getByRole('button', { name: '上传并预览' }).click();

      // While the job reads the scan: the batch's progress and the file's page.
      await page.getByRole('progressbar', { name: '读取进度' }).waitFor();
      const pageProgress = page.getByText(new RegExp(`第[1-${files.length}]/${files.length}页识别中`));
      await pageProgress.waitFor({ timeout: 60_000 });
      expect(await fitsWidth(page)).toBe(true);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(
        await pageProgress.or(page.getByText('预览：请核对每份报告识别出的机关和年度')).first().isVisible(),
      ).toBe(true);

      // The preview: one report of the three pages, labelled, at both sizes.
      await page.getByText('预览：请核对每份报告识别出的机关和年度').waitFor({ timeout: 180_000 });
      // Read as text: when the report is not ready (e.g. skipped), the failure shows its row and why.
      await expect
        .poll(() => page.locator('.ant-table-tbody tr').allInnerTexts())
        .toEqual([expect.stringContaining('待导入')]);
      const row = page.locator('.ant-table-tbody tr').filter({ hasText: SCANNED.agency });
      await row.getByText('待导入').waitFor();
      await row.getByText('扫描件', { exact: true }).waitFor();
      expect(await row.innerText()).toContain(`${files.length} 张页面图片按文件名顺序合为一份报告`);
      expect(await page.locator('.ant-table-tbody tr').count()).toBe(1);
      expect(await fitsWidth(page)).toBe(true);
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await row.getByText('扫描件', { exact: true }).isVisible()).toBe(true);
      const label = await row.getByText('扫描件', { exact: true }).getAttribute('aria-label');
      expect(label).toContain(`扫描件 ${files.length} 页`);

      await page.getByRole('button', { name: /确认导入 1 份/ }).click();
      await page.getByText('导入完成：新导入 1 份，已导入过 0 份，跳过 0 份').waitFor({ timeout: 60_000 });
      await page.getByText(/其中扫描件 1 份/).waitFor();
      expect(scriptErrors).toEqual([]);
    }, 300_000);
  },
);
