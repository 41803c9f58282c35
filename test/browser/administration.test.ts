import { describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../src/store/audit/audit.repository.ts';
import { createAgency, getAgency } from '../../src/store/organisation/organisation.repository.ts';
import { findUserByUsername } from '../../src/store/users/users.repository.ts';
import { browserMissing, browserSuiteTitle, chooseOption, confirmInPopconfirm } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import {
  createTestOrganisation,
  createTestUser,
  registrationBody,
  sessionHeaders,
  TEST_PASSWORD,
  type TestOrganisation,
} from '../support/server-factories.ts';

let org: TestOrganisation;

const suite = setUpBrowserSuite({
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('administration in a browser'), () => {
  it('creates an officer for an agency, refusing a short password next to the field, then disables the account', async () => {
    const admin = await createTestUser(suite.server.app.db, 'admin');
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, admin, { next: '/workspace/admin' });
    await page.getByRole('heading', { name: '系统管理' }).waitFor();

    // The users tab's button (the set-up overview above may offer one too, once its counts load).
    await page.getByRole('tabpanel').getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('new.officer');
    await dialog.getByLabel('姓名').fill('孙八');
    await dialog.getByLabel('初始密码（至少12个字符）').fill('short');
    await chooseOption(page, dialog.getByLabel('所属机关'), org.agencyX.name);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByText('密码至少12个字符').waitFor();
    expect(await findUserByUsername(suite.server.app.db, 'new.officer')).toBeNull();

    await dialog.getByLabel('初始密码（至少12个字符）').fill('long-enough-1');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const row = page.locator('.ant-table-tbody tr', { hasText: 'new.officer' });
    await row.getByText('正常').waitFor();
    expect(await findUserByUsername(suite.server.app.db, 'new.officer')).toMatchObject({
      role: 'officer',
      agencyId: org.agencyX.id,
    });

    await row.getByRole('switch').click();
    await row.getByText('已停用').waitFor();
    const login = await suite.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'new.officer', password: 'long-enough-1' },
    });
    expect(login.statusCode).toBe(401);
    expect(scriptErrors).toEqual([]);
  }, 60_000);

  it('resets a forgotten password: confirmed, the one-time password shown once, which then opens only the password change', async () => {
    const admin = await createTestUser(suite.server.app.db, 'admin');
    const forgetful = await createTestUser(suite.server.app.db, 'officer', { agencyId: org.agencyX.id });
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, admin, { next: '/workspace/admin' });
    const row = page.locator('.ant-table-tbody tr', { hasText: forgetful.username });
    await row.getByRole('button', { name: '重置密码' }).click();
    expect(await confirmInPopconfirm(page, /重\s*置/)).toContain(`重置 ${forgetful.username} 的密码？`);
    const shown = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(shown).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{20}$/);
    await page.getByRole('button', { name: '我已记下' }).click();
    const old = await suite.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: forgetful.username, password: TEST_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await suite.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: forgetful.username, password: shown },
    });
    expect(fresh.json().mustChangePassword).toBe(true);
    expect(scriptErrors).toEqual([]);
  }, 60_000);

  it('renames an agency keeping its former name, and closes one only after saying what that does', async () => {
    const admin = await createTestUser(suite.server.app.db, 'admin');
    const renamed = await createAgency(suite.server.app.db, {
      regionId: org.cityB.id,
      name: '乙市云计算和大数据发展局',
      kind: 'department',
    });
    const busy = await createAgency(suite.server.app.db, {
      regionId: org.cityB.id,
      name: '乙市粮食局',
      kind: 'department',
    });
    const officer = await createTestUser(suite.server.app.db, 'officer', { agencyId: busy.id });
    const registered = await suite.server.app.inject({
      method: 'POST',
      url: `/api/agencies/${busy.id}/applications`,
      headers: await sessionHeaders(suite.server.app.db, officer),
      payload: registrationBody({ submittedOn: '2026-03-02' }),
    });
    expect(registered.statusCode).toBe(201);
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, admin, { next: '/workspace/admin?tab=organisation' });
    const agencyRow = (name: string) => page.locator('.ant-table-tbody tr', { hasText: name });

    await agencyRow('乙市云计算和大数据发展局').getByRole('button', { name: '改名' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('现名称将作为曾用名保留').waitFor();
    await dialog.getByLabel('新名称', { exact: true }).fill('乙市数据管理局');
    await dialog.getByLabel('改名日期（启用新名称之日）').fill('2025-03-01');
    await dialog.getByLabel('改名日期（启用新名称之日）').press('Enter');
    // Enter picks the date; nothing is changed before 确认改名.
    expect((await getAgency(suite.server.app.db, renamed.id))?.name).toBe('乙市云计算和大数据发展局');
    await dialog.getByRole('button', { name: '确认改名' }).click();
    await agencyRow('乙市数据管理局').getByText('乙市云计算和大数据发展局（至2025-03-01改名）').waitFor();
    await page.screenshot({ path: `${process.env.GONGKAI_SCREENSHOTS ?? '/tmp'}/admin-rename.png` });

    await agencyRow('乙市粮食局').getByRole('button', { name: '撤销' }).click();
    await dialog.getByText('有未办结申请的机关不能撤销').waitFor();
    await dialog.getByLabel('撤销日期').fill('2026-03-31');
    await dialog.getByLabel('撤销日期').press('Enter');
    expect((await getAgency(suite.server.app.db, busy.id))?.closedOn).toBeNull();
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await dialog.getByText('“乙市粮食局”还有 1 件未办结的政府信息公开申请，办结后才能撤销').waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    await agencyRow('乙市数据管理局').getByRole('button', { name: '撤销' }).click();
    await dialog.getByLabel('撤销日期').fill('2026-03-31');
    await dialog.getByLabel('撤销日期').press('Enter');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await agencyRow('乙市数据管理局').waitFor({ state: 'detached' });
    expect((await getAgency(suite.server.app.db, renamed.id))?.closedOn).toBe('2026-03-31');
    expect(scriptErrors).toEqual([]);
  }, 90_000);

  it('merges an agency into its successor, shows closed ones on request, and reopens one after confirming', async () => {
    const admin = await createTestUser(suite.server.app.db, 'admin');
    const merged = await createAgency(suite.server.app.db, {
      regionId: org.cityB.id,
      name: '乙市物价局',
      kind: 'department',
    });
    const successor = await createAgency(suite.server.app.db, {
      regionId: org.cityB.id,
      name: '乙市市场监督管理局',
      kind: 'department',
    });
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, admin, { next: '/workspace/admin?tab=organisation' });
    // By the name cell: the successor's row names the merged agency too.
    const agencyRow = (name: string) =>
      page.locator('.ant-table-tbody tr').filter({ has: page.getByRole('cell', { name, exact: true }) });
    const dialog = page.getByRole('dialog');

    await agencyRow('乙市物价局').getByRole('button', { name: '撤销或合并' }).click();
    await dialog.getByText('该机关已发布的年度报告将显示在合并后机关的报告历史中').waitFor();
    await dialog.getByLabel('撤销日期').fill('2025-03-01');
    await dialog.getByLabel('撤销日期').press('Enter');
    await chooseOption(page, dialog.getByLabel(/合并至/), '乙市市场监督管理局');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await agencyRow('乙市物价局').waitFor({ state: 'detached' });
    expect(await getAgency(suite.server.app.db, merged.id)).toMatchObject({
      closedOn: '2025-03-01',
      mergedInto: successor.id,
    });
    // The successor's lineage names the agency merged into it.
    await agencyRow('乙市市场监督管理局').getByText('2025-03-01 由乙市物价局并入').waitFor();

    await page.getByRole('switch', { name: '显示已撤销' }).click();
    await agencyRow('乙市物价局').getByText('2025-03-01 并入乙市市场监督管理局').waitFor();
    await page.screenshot({ path: `${process.env.GONGKAI_SCREENSHOTS ?? '/tmp'}/admin-closed-units.png` });
    await agencyRow('乙市物价局').getByRole('button', { name: '恢复' }).click();
    await dialog.getByText('如曾合并至另一机关，合并随之取消').waitFor();
    // Nothing changes before 确认恢复.
    expect((await getAgency(suite.server.app.db, merged.id))?.closedOn).toBe('2025-03-01');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await agencyRow('乙市物价局').getByText('现有').waitFor();
    expect(await getAgency(suite.server.app.db, merged.id)).toMatchObject({
      closedOn: null,
      mergedInto: null,
    });
    const audit = await listAuditEntries(suite.server.app.db, 'agency', merged.id);
    expect(audit.map((e) => [e.action, e.after])).toEqual([
      ['close', { closedOn: '2025-03-01', mergedInto: successor.id }],
      ['reopen', { closedOn: null, mergedInto: null }],
    ]);
    expect(scriptErrors).toEqual([]);
  }, 90_000);

  it('keeps officers out of administration', async () => {
    const officer = await createTestUser(suite.server.app.db, 'officer', { agencyId: org.agencyX.id });
    const { page } = await suite.page();
    await suite.signIn(page, officer, { next: '/workspace/admin' });
    await page.getByText('只有系统管理员可以使用系统管理').waitFor();
    expect(await page.getByRole('link', { name: '系统管理' }).count()).toBe(0);
  }, 60_000);
});
