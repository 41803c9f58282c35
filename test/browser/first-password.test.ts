import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/store/users/users.repository.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';

const suite = setUpBrowserSuite({
  prepare: async (server) => {
    await createUser(
      server.app.db,
      {
        username: 'first.admin',
        displayName: '初始管理员',
        password: 'generated-pass-1',
        role: 'admin',
        agencyId: null,
        regionId: null,
        mustChangePassword: true,
      },
      new Date(),
    );
  },
});

describe.skipIf(browserMissing)(browserSuiteTitle('first password in a browser'), () => {
  it('makes an administrator with a generated password change it before anything else', async () => {
    const { page, scriptErrors } = await suite.page();
    await suite.signIn(page, 'first.admin', { next: '/workspace/admin', password: 'generated-pass-1' });
    await page.waitForURL(/\/workspace\/password$/);
    await page.getByText('首次登录须先修改密码').waitFor();

    // Nothing else opens until the password is changed.
    await page.goto(`${suite.server.url}/workspace/admin`);
    await page.waitForURL(/\/workspace\/password$/);

    await page.getByLabel('当前密码').fill('generated-pass-1');
    await page.getByLabel('新密码（至少12个字符）').fill('my-own-password-9');
    await page.getByLabel('再次输入新密码').fill('my-own-password-8');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('两次输入的新密码不一致').waitFor();

    await page.getByLabel('当前密码').fill('wrong-password');
    await page.getByLabel('再次输入新密码').fill('my-own-password-9');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('alert').filter({ hasText: '当前密码不正确' }).waitFor();
    expect(page.url()).toMatch(/\/workspace\/password$/);

    await page.getByLabel('当前密码').fill('generated-pass-1');
    await page.getByRole('button', { name: '修改密码' }).click();
    // An administrator starts at administration.
    await page.waitForURL(/\/workspace\/admin$/);
    await page.getByRole('heading', { name: '系统管理' }).waitFor();
    const login = await suite.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'first.admin', password: 'my-own-password-9' },
    });
    expect(login.json().mustChangePassword).toBe(false);
    expect(scriptErrors).toEqual([]);
  }, 60_000);
});
