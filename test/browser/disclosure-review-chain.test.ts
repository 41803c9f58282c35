import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { browserMissing, browserSuiteTitle, chooseOption } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import {
  createTestOrganisation,
  createTestUser,
  signIn,
  type TestOrganisation,
} from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

const clock = new TestClock('2025-03-03');
let org: TestOrganisation;
let officer: User;
let sectionHead: User;
let leader: User;
let supervisor: User;

async function logIn(page: Page, user: User, next: string) {
  await suite.signIn(page, user, { next: next });
  await page.waitForURL((url) => url.pathname === next);
}

/** The n-th weekday after `from` (March 2025 has no public holiday nor make-up working day). */
function weekdaysAfter(from: string, n: number): string {
  const day = new Date(`${from}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

const TITLE = '甲县2025年政府信息公开工作要点';

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
    officer = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    sectionHead = await createTestUser(server.app.db, 'reviewer', { agencyId: org.agencyX.id });
    leader = await createTestUser(server.app.db, 'reviewer', { agencyId: org.agencyX.id });
    supervisor = await createTestUser(server.app.db, 'supervisor', { regionId: org.cityA.id });
    // An older item never published: past its art. 26 due day on 3 March.
    const headers = await signIn(server.app, officer.username);
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/disclosures`,
      headers,
      payload: {
        title: '2024年第四季度财政资金使用情况',
        category: '财政信息',
        channel: 'website',
        attribute: 'proactive',
        createdOn: '2025-01-06',
      },
    });
    expect(res.statusCode).toBe(201);
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('proactive disclosure review chain in a browser'), () => {
  it('drafts an item, takes it through 科室审核 (保密审查) and 领导审批 by another reviewer, and publishes it', async () => {
    const pick = (page: Page, label: string, option: string) =>
      chooseOption(page, page.getByLabel(label, { exact: true }), option);
    const date = async (page: Page, label: string, value: string) => {
      await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByLabel(label, { exact: true }).press('Tab');
    };

    // The officer drafts; a creation date after today is refused next to the field.
    const { page: o, scriptErrors: oErrors } = await suite.page();
    await logIn(o, officer, '/workspace/disclosures');
    const overdueRow = o.locator('.ant-table-row', { hasText: '2024年第四季度财政资金使用情况' });
    await overdueRow.locator('.ant-tag-red', { hasText: '已超期' }).waitFor();
    await o.getByRole('button', { name: '拟稿登记' }).click();
    await o.getByLabel('信息标题').fill(TITLE);
    await o.getByLabel('信息类别').fill('规划计划');
    await pick(o, '公开渠道', '政府公报');
    await o.getByLabel('文号').fill('甲政办发〔2025〕3号');
    await date(o, '信息形成（变更）日期', '2025-03-10');
    await o.getByRole('button', { name: '保存拟稿' }).click();
    await o
      .locator('.ant-form-item', { has: o.getByLabel('信息形成（变更）日期', { exact: true }) })
      .locator('.ant-form-item-explain-error', { hasText: '信息形成（变更）日期 2025-03-10 晚于今天' })
      .waitFor();
    await date(o, '信息形成（变更）日期', '2025-03-03');
    await o.getByRole('button', { name: '保存拟稿' }).click();
    await o.getByRole('heading', { name: TITLE }).waitFor();
    const facts = o.locator('.ant-descriptions').first();
    await facts.getByText('拟稿', { exact: true }).waitFor();
    // Art. 26: 20 working days from 3 March.
    expect(await facts.innerText()).toContain(weekdaysAfter('2025-03-03', 20));
    expect(await facts.innerText()).toContain('政府公报');
    await o.getByRole('button', { name: '提交审核' }).click();
    await facts.getByText('待科室审核', { exact: true }).waitFor();
    expect(oErrors).toEqual([]);

    // The section head finds it waiting for them, approves with the 保密审查 conclusion.
    const { page: s, scriptErrors: sErrors } = await suite.page();
    await logIn(s, sectionHead, '/workspace/disclosures');
    const waiting = s.locator('.ant-card', { hasText: '待我审核' }).first();
    await waiting.getByText('待我审核（1）').waitFor();
    await waiting.getByRole('link', { name: TITLE }).click();
    await s.getByRole('heading', { name: TITLE }).waitFor();
    await pick(s, '保密审查结论', '不涉及国家秘密和敏感信息，可以公开');
    await s.getByLabel('保密审查意见').fill('已核对，无涉密内容');
    await s.getByRole('button', { name: '审核通过' }).click();
    const secrecy = s.locator('.ant-card', { hasText: '保密审查记录' });
    await secrecy.getByText(`（${sectionHead.username}）`, { exact: false }).waitFor();
    expect(await secrecy.innerText()).toContain('不涉及国家秘密和敏感信息，可以公开');
    expect(await secrecy.innerText()).toContain('已核对，无涉密内容');
    await s.locator('.ant-descriptions').first().getByText('待领导审批', { exact: true }).waitFor();

    // The same reviewer cannot approve again as the leader: the server's refusal is shown.
    await s.getByRole('button', { name: '领导审批通过' }).click();
    await s.getByRole('alert').getByText('应由科室审核人以外的另一位审核人办理').waitFor();
    await s.locator('.ant-descriptions').first().getByText('待领导审批', { exact: true }).waitFor();
    // And it no longer waits for them.
    await s.getByRole('link', { name: '← 返回主动公开台账' }).click();
    await s.getByText('待我审核（0）').waitFor();
    expect(sErrors).toEqual([]);

    // Another reviewer approves as the leader.
    const { page: l, scriptErrors: lErrors } = await suite.page();
    await logIn(l, leader, '/workspace/disclosures');
    await l.getByText('待我审核（1）').waitFor();
    await l.locator('.ant-card', { hasText: '待我审核' }).first().getByRole('link', { name: TITLE }).click();
    await l.getByRole('button', { name: '领导审批通过' }).click();
    await l.locator('.ant-descriptions').first().getByText('已审批', { exact: true }).waitFor();
    expect(lErrors).toEqual([]);

    // The officer publishes; the chain shows who did which step.
    await o.reload();
    await date(o, '发布日期', '2025-03-03');
    await o.getByRole('button', { name: /发\s*布/ }).click();
    await facts.getByText('已发布', { exact: true }).waitFor();
    const chain = await o.locator('.ant-timeline').innerText();
    const order = ['拟稿登记', '提交审核', '科室审核（含保密审查）', '领导审批', '发布'].map((label) =>
      chain.indexOf(label),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const user of [officer, sectionHead, leader]) expect(chain).toContain(`（${user.username}）`);
    expect(chain.indexOf(`（${sectionHead.username}）`)).toBeLessThan(
      chain.indexOf(`（${leader.username}）`),
    );
    await o.getByRole('link', { name: '← 返回主动公开台账' }).click();
    const row = o.locator('.ant-table-row', { hasText: TITLE });
    await row.getByText('已发布').first().waitFor();
    expect(await row.locator('.ant-tag-red').count()).toBe(0);
    expect(oErrors).toEqual([]);
  }, 120_000);

  it('refuses 不得公开 for a 主动公开 item, returns it with a reason, and lets the officer correct and resubmit it', async () => {
    const headers = await signIn(suite.server.app, officer.username);
    const created = await suite.server.app.inject({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/disclosures`,
      headers,
      payload: {
        title: '甲县数据中心建设方案',
        category: '规划计划',
        channel: 'website',
        attribute: 'proactive',
        createdOn: '2025-03-03',
      },
    });
    expect(created.statusCode).toBe(201);
    const submitted = await suite.server.app.inject({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/disclosures/${created.json().id}/steps`,
      headers,
      payload: { step: { type: 'submit' }, expectedVersion: created.json().version },
    });
    expect(submitted.statusCode).toBe(200);

    const { page: s, scriptErrors: sErrors } = await suite.page();
    await logIn(s, sectionHead, '/workspace/disclosures');
    await s
      .locator('.ant-card', { hasText: '待我审核' })
      .first()
      .getByRole('link', { name: '甲县数据中心建设方案' })
      .click();
    await chooseOption(s, s.getByLabel('保密审查结论', { exact: true }), '涉及国家秘密或敏感信息，不得公开');
    await s.getByRole('button', { name: '审核通过' }).click();
    await s.getByRole('alert').getByText('不能按主动公开审核通过').waitFor();
    // A return needs its reason (said next to the field before anything is sent).
    await s.getByRole('button', { name: '退回修改' }).click();
    await s.getByText('退回应说明理由').waitFor();
    await s.getByLabel('退回理由').fill('涉及机房位置，请改为不予公开并说明依据');
    await s.getByRole('button', { name: '退回修改' }).click();
    await s.locator('.ant-descriptions').first().getByText('拟稿', { exact: true }).waitFor();
    expect(await s.locator('.ant-timeline').innerText()).toContain('退回修改');
    expect(await s.locator('.ant-timeline').innerText()).toContain(
      '理由：涉及机房位置，请改为不予公开并说明依据',
    );
    expect(await s.locator('.ant-card', { hasText: '保密审查记录' }).innerText()).toContain(
      '尚未进行保密审查',
    );
    expect(sErrors).toEqual([]);

    const { page: o, scriptErrors: oErrors } = await suite.page();
    await logIn(o, officer, '/workspace/disclosures');
    await chooseOption(o, o.getByLabel('状态', { exact: true }), '拟稿');
    // The drafts: the item just returned and the never-submitted one of beforeAll.
    await expect.poll(() => o.locator('.ant-table-row').count()).toBe(2);
    expect(await o.locator('.ant-table-row').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('甲县数据中心建设方案'),
        expect.stringContaining('2024年第四季度'),
      ]),
    );
    await o.getByRole('link', { name: '甲县数据中心建设方案' }).click();
    await o.getByRole('button', { name: '修改拟稿' }).click();
    await chooseOption(o, o.getByLabel('公开属性'), '不予公开');
    await o.getByRole('button', { name: '保存修改' }).click();
    await o.getByText('依申请公开或不予公开的，应当说明理由（法律依据）').waitFor();
    await o.getByLabel('不予主动公开的理由及依据').fill('涉及安全保卫，依据条例第十四条不予公开');
    await o.getByRole('button', { name: '保存修改' }).click();
    const facts = o.locator('.ant-descriptions').first();
    await facts.getByText('涉及安全保卫，依据条例第十四条不予公开').waitFor();
    expect(await facts.innerText()).toContain('不予公开');
    await o.getByRole('button', { name: '提交审核' }).click();
    await facts.getByText('待科室审核', { exact: true }).waitFor();
    expect(oErrors).toEqual([]);
  }, 120_000);

  it('lets a supervisor read the register of an agency of its region without step buttons', async () => {
    const { page, scriptErrors } = await suite.page();
    await logIn(page, supervisor, '/workspace/disclosures');
    await chooseOption(page, page.getByLabel('机关'), org.agencyX.name);
    // Only the item past its art. 26 due day when filtered on it.
    await chooseOption(page, page.getByLabel('期限', { exact: true }), '只看已超期');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-row').innerText()).toContain('2024年第四季度财政资金使用情况');
    await chooseOption(page, page.getByLabel('期限', { exact: true }), '全部期限');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.locator('.ant-card', { hasText: '审核链' }).getByText('领导审批').waitFor();
    expect(await page.getByRole('button', { name: '拟稿登记' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /提交审核|审核通过|发\s*布/ }).count()).toBe(0);
    expect(scriptErrors).toEqual([]);
  }, 60_000);
});
