import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/core/organisation/user.ts';
import { LOCKOUT } from '../../src/store/users/users.repository.ts';
import { browserMissing, browserSuiteTitle } from '../support/browser.ts';
import { setUpBrowserSuite } from '../support/browser-suite.ts';
import { createTestOrganisation, createTestUser, TEST_PASSWORD } from '../support/server-factories.ts';
import { TestClock } from '../support/server-test-app.ts';

/**
 * The administrator's user list tells when logins to an account from some address are held back
 * (5 wrong passwords for one account from one address within 15 minutes, README “安全与资源上限”):
 * a tag “某地址登录暂缓至 HH:mm” in Beijing time, which stays while that address is held back — also
 * when the owner logs in from elsewhere, since the hold on the guessing address stands — and is
 * gone once the hold is over.
 */

// 10:00 Beijing time: the first wrong password starts the 15 minutes, so the hold ends at 10:15.
const clock = new TestClock('2026-06-30T02:00:00.000Z');
const HOLD_ENDS = '2026-06-30T02:15:00.000Z';
const TAG = '某地址登录暂缓至 10:15';

let admin: User;
let target: User;
let bystander: User;

describe.skipIf(browserMissing)(browserSuiteTitle('the 登录暂缓 tag of the user list'), () => {
  const suite = setUpBrowserSuite({
    now: clock.now,
    prepare: async (server) => {
      const org = await createTestOrganisation(server.app.db);
      admin = await createTestUser(server.app.db, 'admin');
      target = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
      bystander = await createTestUser(server.app.db, 'officer', { agencyId: org.agencyX.id });
    },
  });

  const login = (user: User, password: string, address: string) =>
    suite.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password },
      remoteAddress: address,
    });

  /** The tags of `user`'s row (正常, 已停用, the hold), once the list has loaded. */
  const statusOf = async (page: Page, user: User) => {
    const row = page.locator('tr', { hasText: user.username });
    await row.waitFor();
    return (await row.locator('.ant-tag').allTextContents()).map((tag) => tag.trim()).join('|');
  };

  it('shows the hold of an account after wrong passwords from one address, until the hold is over', async () => {
    expect(LOCKOUT).toEqual({ maxFailures: 5, minutes: 15 });
    for (let i = 0; i < 5; i += 1) {
      expect((await login(target, `wrong-${i}`, '203.0.113.40')).statusCode).toBe(401);
    }
    expect((await login(bystander, 'wrong', '203.0.113.40')).statusCode).toBe(401);
    // Held back: the right password from that address is refused like a wrong one.
    expect((await login(target, TEST_PASSWORD, '203.0.113.40')).statusCode).toBe(401);

    const { page, scriptErrors } = await suite.signedIn(admin, { next: '/workspace/admin' });
    await page.getByRole('heading', { name: '系统管理' }).waitFor();
    expect(await statusOf(page, target)).toBe(`正常|${TAG}`);
    expect(await statusOf(page, bystander)).toBe('正常');
    expect(await statusOf(page, admin)).toBe('正常');

    // The owner logs in from elsewhere: the account is not locked, and the guessing address stays held.
    expect((await login(target, TEST_PASSWORD, '198.51.100.40')).statusCode).toBe(200);
    await page.reload();
    expect(await statusOf(page, target)).toBe(`正常|${TAG}`);

    // At 10:15 the hold is over: the tag is gone, and the owner gets in from that address too.
    clock.set(HOLD_ENDS);
    await page.reload();
    expect(await statusOf(page, target)).toBe('正常');
    expect((await login(target, TEST_PASSWORD, '203.0.113.40')).statusCode).toBe(200);

    // A successful login forgets the wrong passwords before it: four, a login, one more is no hold.
    for (let i = 0; i < 4; i += 1) await login(target, `again-${i}`, '203.0.113.41');
    expect((await login(target, TEST_PASSWORD, '203.0.113.41')).statusCode).toBe(200);
    expect((await login(target, 'once-more', '203.0.113.41')).statusCode).toBe(401);
    await page.reload();
    expect(await statusOf(page, target)).toBe('正常');
    expect(scriptErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
