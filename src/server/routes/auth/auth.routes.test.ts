import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  registrationBody,
  signIn,
  TEST_PASSWORD,
  type TestOrganisation,
  tokenHeaders,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, sessionCookieOf, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { User } from '../../../core/organisation/user.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import { LOGIN_REFUSED } from './auth.routes.ts';

describeEachDialect('sessions, CSRF, API tokens and lockout', (t) => {
  const clock = new TestClock('2026-06-30T02:00:00.000Z');
  let app: FastifyInstance;
  let org: TestOrganisation;
  let officer: User;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    officer = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  describe('POST /api/auth/login', () => {
    it('sets an httpOnly, SameSite=Strict session cookie and returns the user with a CSRF token', async () => {
      clock.set('2026-06-30T02:00:00.000Z');
      const res = await login(officer.username, TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        user: { id: officer.id, role: 'officer', agencyId: org.agencyX.id },
        via: 'session',
        expiresAt: '2026-06-30T10:00:00.000Z',
      });
      expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
      expect(JSON.stringify(body)).not.toMatch(/scrypt|"password(Hash)?"/i);
      const cookie = res.cookies.find((c) => c.name === 'gongkai_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 8 * 3600 });
      expect(cookie?.secure).toBeFalsy();
      const session = await app.inject({ url: '/api/session', headers: { cookie: sessionCookieOf(res) } });
      expect(session.json()).toMatchObject({ user: { id: officer.id }, csrfToken: body.csrfToken });
      const audit = await listAuditEntries(t.db, 'user', officer.id);
      expect(audit.at(-1)).toMatchObject({ action: 'login', actor: { userId: officer.id } });
    });

    it('answers a wrong password and an unknown user alike, in Chinese', async () => {
      for (const res of [await login(officer.username, 'wrong-password'), await login('nobody', 'x')]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: LOGIN_REFUSED });
        expect(res.cookies).toHaveLength(0);
      }
    });

    it('holds one address back after 5 wrong passwords for an account, audited, answering as for any wrong password', async () => {
      const user = await createTestUser(t.db, 'reviewer', { agencyId: org.agencyX.id });
      const attacker = '192.0.2.66';
      clock.set('2026-07-01T02:00:00.000Z');
      const unknown = await login('no-such-account', 'wrong', attacker);
      for (let i = 0; i < 5; i += 1) {
        const res = await login(user.username, 'wrong', attacker);
        // The same answer as for an account that does not exist: nothing to enumerate accounts with.
        expect({ status: res.statusCode, body: res.json() }).toEqual({
          status: unknown.statusCode,
          body: unknown.json(),
        });
      }
      const heldBack = await login(user.username, TEST_PASSWORD, attacker);
      expect(heldBack.statusCode).toBe(401);
      expect(heldBack.json()).toEqual(unknown.json());
      expect(heldBack.body).not.toMatch(/锁定|lockedUntil/);
      // The owner, elsewhere, is not locked out, and is told of the failed attempts.
      const owner = await login(user.username, TEST_PASSWORD, '198.51.100.77');
      expect(owner.statusCode).toBe(200);
      expect(owner.json().failedLoginsBefore).toBe(5);
      clock.set('2026-07-01T02:15:00.000Z');
      expect((await login(user.username, TEST_PASSWORD, attacker)).statusCode).toBe(200);
      const entries = await listAuditEntries(t.db, 'user', user.id);
      expect(entries.map((e) => e.action)).toEqual([
        'login-failed',
        'login-failed',
        'login-failed',
        'login-failed',
        'login-locked',
        'login',
        'login',
      ]);
      expect(entries[4]?.after).toMatchObject({
        address: attacker,
        heldBackUntil: '2026-07-01T02:15:00.000Z',
      });
    });

    it('tells a disabled account only to whoever gives its right password', async () => {
      const user = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
      await t.db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
      const wrong = await login(user.username, 'wrong-password', '192.0.2.99');
      expect(wrong.json()).toEqual({ code: 'UNAUTHENTICATED', message: LOGIN_REFUSED });
      const right = await login(user.username, TEST_PASSWORD, '192.0.2.99');
      expect(right.json().message).toBe('该账户已停用，请联系系统管理员');
    });

    it('sets a Secure cookie when COOKIE_SECURE=true', async () => {
      const secure = await buildServerTestApp({ store: t, env: { COOKIE_SECURE: 'true' } });
      const res = await secure.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: officer.username, password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'gongkai_session')?.secure).toBe(true);
      await secure.close();
    });

    it('answers a failed login no sooner than LOGIN_FAILURE_DELAY_MS', async () => {
      const slow = await buildServerTestApp({ store: t, env: { LOGIN_FAILURE_DELAY_MS: '300' } });
      const started = Date.now();
      const res = await slow.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody-at-all', password: 'x' },
      });
      expect(res.statusCode).toBe(401);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      await slow.close();
    });
  });

  describe('sessions', () => {
    it('expire after SESSION_TTL_HOURS without activity, and activity past half of it extends them', async () => {
      clock.set('2026-07-02T00:00:00.000Z');
      const headers = await signIn(app, officer.username);
      clock.set('2026-07-02T05:00:00.000Z');
      const renewed = await app.inject({ url: '/api/session', headers });
      expect(renewed.json().expiresAt).toBe('2026-07-02T13:00:00.000Z');
      expect(renewed.cookies.find((c) => c.name === 'gongkai_session')).toBeDefined();
      clock.set('2026-07-02T12:59:00.000Z');
      expect((await app.inject({ url: '/api/session', headers })).statusCode).toBe(200);
      clock.set('2026-07-03T02:00:00.000Z');
      const expired = await app.inject({ url: '/api/session', headers });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    });

    it('end at logout, which is audited and clears the cookie', async () => {
      const headers = await signIn(app, officer.username);
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(out.statusCode).toBe(204);
      expect(out.body).toBe('');
      expect(out.cookies.find((c) => c.name === 'gongkai_session')?.value).toBe('');
      expect((await app.inject({ url: '/api/session', headers })).statusCode).toBe(401);
      const audit = await listAuditEntries(t.db, 'user', officer.id);
      expect(audit.at(-1)?.action).toBe('logout');
    });
  });

  describe('CSRF', () => {
    const register = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/applications`,
        headers,
        payload: registrationBody({ submittedOn: '2026-07-01' }),
      });

    it('refuses a cookie-authenticated POST without the x-csrf-token header, or with a wrong one', async () => {
      clock.set('2026-07-03T02:00:00.000Z');
      const signedIn = await signIn(app, officer.username);
      const cookie = signedIn.cookie!;
      const csrf = signedIn['x-csrf-token']!;
      const none = await register({ cookie });
      expect(none.statusCode).toBe(403);
      expect(none.json().code).toBe('FORBIDDEN');
      expect(none.json().message).toContain('CSRF');
      expect((await register({ cookie, 'x-csrf-token': `${csrf}x` })).statusCode).toBe(403);
      expect((await register({ cookie, 'x-csrf-token': csrf })).statusCode).toBe(201);
    });

    it('does not ask an API token for a CSRF token', async () => {
      const headers = await signIn(app, officer.username);
      const created = await app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers,
        payload: { name: '导入脚本' },
      });
      expect(created.statusCode).toBe(201);
      const { token } = created.json();
      expect((await register({ authorization: `Bearer ${token}` })).statusCode).toBe(201);
    });
  });

  describe('API tokens', () => {
    it('are shown once, listed without the secret, refused after revocation, and not managed by tokens', async () => {
      const headers = await signIn(app, officer.username);
      const created = (
        await app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: '年报脚本' } })
      ).json();
      const bearer = { authorization: `Bearer ${created.token}` };
      const listed = await app.inject({ url: '/api/auth/tokens', headers });
      expect(listed.body).not.toContain(created.token);
      expect(listed.json().items.map((x: { name: string }) => x.name)).toContain('年报脚本');
      const session = await app.inject({ url: '/api/session', headers: bearer });
      expect(session.json()).toMatchObject({ via: 'token', csrfToken: null, user: { id: officer.id } });
      const byToken = await app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: bearer,
        payload: { name: 'x' },
      });
      expect(byToken.statusCode).toBe(403);
      const revoked = await app.inject({
        method: 'DELETE',
        url: `/api/auth/tokens/${created.apiToken.id}`,
        headers,
      });
      expect(revoked.statusCode).toBe(204);
      expect((await app.inject({ url: '/api/session', headers: bearer })).statusCode).toBe(401);
      const again = await app.inject({
        method: 'DELETE',
        url: `/api/auth/tokens/${created.apiToken.id}`,
        headers,
      });
      expect(again.statusCode).toBe(404);
      const actions = (await listAuditEntries(t.db, 'api-token', created.apiToken.id)).map((e) => e.action);
      expect(actions).toEqual(['create', 'revoke']);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password, ends the other sessions and keeps this browser signed in', async () => {
      const user = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
      const other = await signIn(app, user.username);
      const headers = await signIn(app, user.username);
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: 'not-it', newPassword: 'brand-new-pass' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().message).toBe('当前密码不正确');
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-pass' },
      });
      expect(res.statusCode).toBe(200);
      const fresh = { cookie: sessionCookieOf(res), 'x-csrf-token': res.json().csrfToken };
      expect((await app.inject({ url: '/api/session', headers: other })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/session', headers })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/session', headers: fresh })).statusCode).toBe(200);
      expect((await login(user.username, 'brand-new-pass')).statusCode).toBe(200);
    });

    it('revokes every API token of the user', async () => {
      const user = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
      const token = await tokenHeaders(t.db, user);
      expect((await app.inject({ url: '/api/session', headers: token })).statusCode).toBe(200);
      const headers = await signIn(app, user.username);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'another-new-pass' },
      });
      expect(res.statusCode).toBe(200);
      expect((await app.inject({ url: '/api/session', headers: token })).statusCode).toBe(401);
    });

    it('refuses the same password as the new one, and changes nothing', async () => {
      const user = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
      const headers = await signIn(app, user.username);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('新密码不能与原密码相同');
      expect((await app.inject({ url: '/api/session', headers })).statusCode).toBe(200);
    });
  });
});
