// Screenshots of the main pages for the README (docs/screenshots/*.png): the real server on a
// temporary database with the demo data, the built web application, Debian's Chromium.
// Run: npm run screenshots

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadDemo } from '../src/cli/demo/load-demo.ts';
import { momentOf } from '../src/core/moment.ts';
import { readReportDocument } from '../src/documents/ingest/read-document.ts';
import { planImport } from '../src/store/imports/import-plan.ts';
import { regionByCode } from '../src/store/region/regional-agencies.ts';
import { createUser } from '../src/store/users/users.repository.ts';
import { commitImport } from '../src/use-cases/imports/commit-import.ts';
import { launchBrowser, newPage, signInThroughPage, startWebServer } from '../test/support/browser.ts';
import { generateValidReport } from '../test/support/generate-report.ts';
import { reportToText } from '../test/support/report-to-text.ts';
import { REPO_ROOT } from '../test/support/run-cli.ts';
import { signIn as apiSignIn } from '../test/support/server-factories.ts';

const OUT = process.env.SCREENSHOT_DIR ?? join(REPO_ROOT, 'docs/screenshots');
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
  await signInThroughPage(page, `${server.url}/login?next=%2Fworkspace`, username, demo.password);
  await page.waitForURL(/\/workspace/);
}

/** A few proactive disclosure items, normative documents and cases of the demo's data bureau. */
async function recordsOfDataBureau(): Promise<string> {
  const day = (daysAgo: number) => {
    const d = new Date(Date.now() - daysAgo * 86_400_000);
    return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  };
  const as = async (username: string) => apiSignIn(server.app, username, demo.password);
  const officer = await as('shuju.jingban');
  const session = await server.app.inject({ method: 'GET', url: '/api/session', headers: officer });
  const agencyId: string = session.json().user.agencyId;
  const call = async (headers: Record<string, string>, url: string, payload: object) => {
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}${url}`,
      headers,
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const items = [];
  for (const [title, category, channel, createdOn] of [
    ['本局2026年度部门预算', '财政信息', 'website', day(3)],
    ['关于推进公共数据开放的实施意见', '政策文件', 'gazette', day(10)],
    ['本局内设机构及职能调整', '机构职能', 'wechat', day(60)],
  ] as const) {
    items.push(
      await call(officer, '/disclosures', { title, category, channel, attribute: 'proactive', createdOn }),
    );
  }
  const submitted = await call(officer, `/disclosures/${items[1].id}/steps`, {
    step: { type: 'submit' },
    expectedVersion: items[1].version,
  });
  await call(await as('shuju.shenhe'), `/disclosures/${items[1].id}/steps`, {
    step: { type: 'sectionApprove', secrecyConclusion: 'publishable', secrecyNote: '已核对，无涉密内容' },
    expectedVersion: submitted.version,
  });
  await call(officer, '/normative-documents', {
    kind: 'normative',
    documentNumber: '宁数规〔2026〕1号',
    title: '公共数据开放管理办法',
    issuedOn: day(40),
  });
  const review = await call(officer, '/cases', {
    kind: 'review',
    filedOn: day(30),
    caseNumber: '宁复〔2026〕12号',
  });
  await call(officer, `/cases/${review.id}/decision`, {
    result: 'upheld',
    decidedOn: day(5),
    expectedVersion: review.version,
  });
  await call(officer, '/cases', {
    kind: 'litigationDirect',
    filedOn: day(8),
    caseNumber: '（2026）宁0104行初21号',
  });
  return items[1].id;
}

/**
 * Published reports of the demo city's agencies for the last two years, as if imported from their
 * websites: one published late and one missing, so that the region's pages have something to show.
 */
async function publishedReportsOfTheCity(): Promise<void> {
  const year = new Date().getFullYear() - 1;
  const reports = [
    { agency: '中卫市工业和信息化局', year: year - 1, publishedOn: `${year}-01-18` },
    { agency: '中卫市数据局', year: year - 1, publishedOn: `${year}-01-25` },
    { agency: '沙坡头区人民政府办公室', year: year - 1, publishedOn: `${year}-03-20` },
    { agency: '中卫市工业和信息化局', year, publishedOn: `${year + 1}-01-22` },
    { agency: '沙坡头区人民政府办公室', year, publishedOn: `${year + 1}-04-10` },
  ].map((r, i) => ({
    ...generateValidReport(100 + i, { agency: r.agency, year: r.year, scale: 12 }),
    publishedOn: r.publishedOn,
  }));
  const city = await regionByCode(server.app.db, '640500');
  const sources = reports.map((r, i) => ({
    name: `demo-${i}.txt`,
    read: () => new TextEncoder().encode(`${reportToText(r)}发布日期：${r.publishedOn}\n`),
  }));
  const plan = await planImport(server.app.db, (bytes, name) => readReportDocument(bytes, name), sources, {
    regionId: city.id,
  });
  const actor = { userId: null, label: '截图脚本' };
  await server.app.db
    .transaction()
    .execute((trx) => commitImport(trx, randomUUID(), city.id, plan, actor, momentOf(new Date())));
}

try {
  const pendingItemId = await recordsOfDataBureau();
  await publishedReportsOfTheCity();
  await createUser(
    server.app.db,
    {
      username: 'screenshot.admin',
      displayName: '系统管理员',
      password: demo.password,
      role: 'admin',
      agencyId: null,
      regionId: null,
    },
    new Date(),
  );
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

  // A draft of this year's report, assembled from the records (last year's is published in the demo).
  await page.goto(`${server.url}/workspace/reports`);
  await page.getByLabel('年度').fill(String(new Date().getFullYear()));
  await page.getByRole('button', { name: '由台账汇总生成报告草稿' }).click();
  await page.getByText('统计表（由台账汇总，不能手工修改）').waitFor();
  await shot(page, 'report-editor');
  await page.getByRole('button', { name: '按台账起草第一、六部分' }).click();
  await page.getByRole('button', { name: /^起\s*草$/ }).click();
  await page.getByText(/已按公开工作台账起草第一、六部分/).waitFor();
  await shot(page, 'report-editor-narrative');

  await page.goto(`${server.url}/workspace/work?year=${new Date().getFullYear() - 1}&tab=evaluations`);
  await page.getByText('云聚中卫 数算未来').waitFor();
  await shot(page, 'workspace-work');
  await page
    .getByRole('button', { name: /修\s*改/ })
    .first()
    .click();
  await page.getByRole('dialog').getByText('意见建议 1').waitFor();
  await page.waitForTimeout(600); // the dialog's opening animation
  await shot(page, 'workspace-work-form', false);
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await page.getByRole('tab', { name: '发布平台' }).click();
  await page.getByText('中卫数据').waitFor();
  await page.waitForTimeout(600); // the tab's ink bar slides
  await shot(page, 'workspace-work-channels', false);

  await page.goto(`${server.url}/workspace/normative-documents`);
  await page.getByText('宁数规〔2026〕1号', { exact: true }).waitFor();
  await shot(page, 'workspace-normative');
  await page.goto(`${server.url}/workspace/cases`);
  await page.getByText('宁复〔2026〕12号').waitFor();
  await shot(page, 'workspace-cases');

  const leader = await newPage(browser);
  await signIn(leader.page, 'shuju.lingdao');
  await leader.page.goto(`${server.url}/workspace/disclosures`);
  await leader.page.getByText(/待我审核（[1-9]\d*）/).waitFor();
  await shot(leader.page, 'workspace-disclosures');
  await leader.page.goto(`${server.url}/workspace/disclosures/${pendingItemId}`);
  await leader.page.getByText('保密审查记录').waitFor();
  await shot(leader.page, 'workspace-disclosure-item');

  const office = await newPage(browser);
  await signIn(office.page, 'zhongwei.zhuguan');
  await office.page.goto(`${server.url}/workspace/region`);
  await office.page.getByText('各机关').first().waitFor();
  await office.page.waitForTimeout(1000); // charts draw after their chunk loads
  await shot(office.page, 'region-dashboard');
  await office.page.getByRole('tab', { name: '公开工作' }).click();
  await office.page.getByRole('img', { name: /各机关政府开放日/ }).waitFor();
  await office.page.waitForTimeout(1000);
  await shot(office.page, 'region-work');
  await office.page.getByRole('tab', { name: '年度报告' }).click();
  await office.page
    .locator('.ant-table-tbody tr', { hasText: '沙坡头区人民政府办公室' })
    .getByRole('link')
    .click();
  await office.page.getByText('核查结果').first().waitFor();
  await shot(office.page, 'region-report');
  await office.page.goto(`${server.url}/workspace/region/import`);
  await office.page.getByText('把报告文件或 zip 压缩包拖到这里，或点击选择').waitFor();
  await shot(office.page, 'region-import', false);

  // The supervising office on a phone: the overview fits, its table scrolls inside its frame.
  const officePhone = await newPage(browser, { width: 390, height: 844 });
  await signIn(officePhone.page, 'zhongwei.zhuguan');
  await officePhone.page.goto(`${server.url}/workspace/region`);
  await officePhone.page.getByText('各机关').first().waitFor();
  await officePhone.page.waitForTimeout(1000);
  await shot(officePhone.page, 'region-dashboard-phone');

  const admin = await newPage(browser);
  await signIn(admin.page, 'screenshot.admin');
  await admin.page.getByRole('heading', { name: '系统管理' }).waitFor();
  await shot(admin.page, 'admin-users', false);

  const visitor = await newPage(browser);
  await visitor.page.goto(`${server.url}/reports`);
  await visitor.page.getByLabel('地区').click();
  await visitor.page.locator('.ant-select-item-option', { hasText: '中卫市' }).click();
  await visitor.page.getByText('中卫市工业和信息化局', { exact: false }).first().waitFor();
  await shot(visitor.page, 'portal-reports', false);
  await visitor.page.goto(`${server.url}/statistics`);
  await visitor.page.getByLabel('地区').click();
  await visitor.page.locator('.ant-select-item-option', { hasText: '中卫市' }).click();
  await visitor.page.getByRole('img', { name: '办理结果分布' }).waitFor();
  await visitor.page.waitForTimeout(1000);
  await shot(visitor.page, 'portal-statistics');
} finally {
  await browser.close();
  await server.close();
}
