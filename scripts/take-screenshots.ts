// Screenshots of the main pages for the README (docs/screenshots/*.png): the real server on a
// temporary database with the demo data, the built web application, Debian's Chromium.
// Run: npm run screenshots
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadDemo } from '../src/server/demo/load-demo.ts';
import { launchBrowser, newPage, startWebServer } from '../test/support/browser.ts';
import { REPO_ROOT } from '../test/support/run-cli.ts';

const OUT = join(REPO_ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });

const server = await startWebServer();
const demo = await loadDemo(server.app.db, new Date());
const browser = await launchBrowser();

async function shot(page: Page, name: string, fullPage = true) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/login?next=%2Fworkspace`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demo.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/workspace/);
}

try {
  const { page } = await newPage(browser);
  await page.goto(`${server.url}/`);
  await shot(page, 'portal-home', false);
  await page.goto(`${server.url}/apply`);
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('请填写申请人姓名或名称').waitFor();
  await shot(page, 'portal-apply-errors');

  const phone = await newPage(browser, { width: 390, height: 844 });
  await phone.page.goto(`${server.url}/apply`);
  await shot(phone.page, 'portal-apply-phone');

  await signIn(page, 'shuju.jingban');
  await page.locator('.ant-table-tbody tr').first().waitFor();
  await shot(page, 'workspace-inbox');
  await page.locator('.ant-table-tbody tr').first().getByRole('link').click();
  await page.getByText('期限及计算过程').waitFor();
  await shot(page, 'workspace-case');

  // The annual report of the demo's last full year, assembled from the records.
  await page.goto(`${server.url}/workspace/reports`);
  await page.getByLabel('年度').fill(String(new Date().getFullYear() - 1));
  await page.getByRole('button', { name: '由台账汇总生成报告草稿' }).click();
  await page.getByText('统计表（由台账汇总，不能手工修改）').waitFor();
  await shot(page, 'report-editor');

  const office = await newPage(browser);
  await signIn(office.page, 'zhongwei.zhuguan');
  await office.page.goto(`${server.url}/workspace/region`);
  await office.page.getByText('各机关').first().waitFor();
  await office.page.waitForTimeout(1000); // charts draw after their chunk loads
  await shot(office.page, 'region-dashboard');
} finally {
  await browser.close();
  await server.close();
}
