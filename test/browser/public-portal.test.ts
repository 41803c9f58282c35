import { describe, expect, it } from 'vitest';
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

const countApplications = async () =>
  Number(
    (
      await suite.server.app.db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const suite = setUpBrowserSuite({
  now: clock.now,
  prepare: async (server) => {
    org = await createTestOrganisation(server.app.db);
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('public portal in a browser'), () => {
  it('applies online, shows field messages, then follows the case with the tracking number and code', async () => {
    const { page, scriptErrors } = await suite.page();
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('link', { name: /在线提交申请/ }).click();
    await expect.poll(() => page.url()).toContain('/apply');

    // Empty form: every required field says what is missing, next to it; nothing is sent.
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('请选择受理机关').waitFor();
    await page.getByText('请填写申请人姓名或名称').waitFor();
    await page.getByText('请填写所需政府信息的描述').waitFor();
    await page.getByText('请至少选择一种获取信息的方式').waitFor();
    expect(await countApplications()).toBe(0);

    await chooseOption(page, page.getByLabel('受理机关'), org.agencyX.name);
    await page.getByLabel('申请人姓名或名称').fill('赵六');
    await page.getByLabel(/所需政府信息的名称/).fill('2024年本市老旧小区改造项目清单');
    await page.getByRole('checkbox', { name: '纸质文本' }).check();
    await page.getByRole('checkbox', { name: '邮寄' }).check();
    // “12345” is no identity number: said beside the field at once, nothing sent.
    await page.getByLabel('证件号码').fill('12345');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('证件号码不是有效的居民身份证号码或统一社会信用代码').waitFor();
    expect(await countApplications()).toBe(0);
    await page.getByLabel('证件号码').fill('110105 19491231 002x');
    // No contact: the server refuses and its message appears next to the phone field.
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('请至少填写一种联系方式（电话、电子邮箱或通信地址）').waitFor();
    expect(await countApplications()).toBe(0);

    await page.getByLabel('联系电话').fill('13900000000');
    // A double click sends one application.
    await page.getByRole('button', { name: '提交申请' }).dblclick();
    const trackingNumber = (await page.getByTestId('tracking-number').innerText()).trim();
    const code = (await page.getByTestId('follow-up-code').innerText()).trim();
    expect(trackingNumber).toBe('2025-0001');
    expect(await countApplications()).toBe(1);
    await page.getByText('2025-03-31').waitFor();

    await page.getByRole('button', { name: '查询办理进度' }).click();
    await page.getByLabel('查询码').fill('WRONG-CODE');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('未找到该申请：请核对机关、受理编号和查询码').waitFor();

    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const result = page.getByRole('region', { name: '办理情况' });
    await result.getByText('办理中').waitFor();
    await result.getByText('2025-03-31').waitFor();
    expect(await result.innerText()).not.toContain('赵六');
    expect(await result.innerText()).not.toContain('暂停计算');

    // The officer asks for a 补正: now, and only now, the clock is stopped, and the page says why.
    const officer = await createTestUser(suite.server.app.db, 'officer', { agencyId: org.agencyX.id });
    const headers = await signIn(suite.server.app, officer.username);
    const cases = `/api/agencies/${org.agencyX.id}/applications`;
    const listed = await suite.server.app.inject({ method: 'GET', url: cases, headers });
    const id = listed.json().items[0].id as string;
    const recorded = await suite.server.app.inject({
      method: 'POST',
      url: `${cases}/${id}/events`,
      headers,
      payload: { event: { type: 'correction-requested', on: '2025-03-03' }, expectedVersion: 1 },
    });
    expect(recorded.statusCode).toBe(200);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await result.getByText('暂停计算（等待申请人补正）').waitFor();
    expect(scriptErrors).toEqual([]);
  }, 60_000);

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, scriptErrors } = await suite.page({ width: 390, height: 844 });
    await page.goto(`${suite.server.url}/apply`);
    await page.getByRole('button', { name: '提交申请' }).waitFor();
    // Runs in the page, where document and window exist (the test's own types are Node's).
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    expect(scriptErrors).toEqual([]);
  });

  it('does not make a focused input or a link look like an error', async () => {
    const { page } = await suite.page();
    await page.goto(`${suite.server.url}/apply`);
    const input = page.getByLabel('申请人姓名或名称');
    await input.focus();
    /** Red dominates a colour (rgb(r, g, b)): how an error reads. */
    const reddish = (css: string) => {
      const [r = 0, g = 0, b = 0] = (css.match(/\d+/g) ?? []).map(Number);
      return r > g + 60 && r > b + 60;
    };
    // Runs in the page, where document exists (the test's own types are Node's).
    const border = String(await page.evaluate('getComputedStyle(document.activeElement).borderTopColor'));
    expect(border).toMatch(/^rgb/);
    expect(reddish(border)).toBe(false);
    const link = String(await page.evaluate("getComputedStyle(document.querySelector('a[href]')).color"));
    expect(link).toMatch(/^rgb/);
    expect(reddish(link)).toBe(false);
  });

  it('answers an unknown address with a readable page, not a blank one', async () => {
    const { page } = await suite.page();
    await page.goto(`${suite.server.url}/no/such/page`);
    await page.getByText('页面不存在').waitFor();
  });
});
