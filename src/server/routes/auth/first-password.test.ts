import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, sessionCookieOf, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import { ensureAdministrator } from '../../bootstrap/ensure-admin.ts';

describeEachDialect('the generated first administrator password must be changed', (t) => {
  const clock = new TestClock('2026-06-30T02:00:00.000Z');
  let app: FastifyInstance;
  let password: string;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    const created = await ensureAdministrator(t.db, undefined, clock.now());
    if (!created.created || created.generatedPassword === null) throw new Error('no generated password');
    password = created.generatedPassword;
  });
  afterAll(async () => {
    await app.close();
  });

  describe('before the change', () => {
    it('says so at login and in GET /api/session', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ mustChangePassword: true, user: { username: 'admin' } });
      const session = await app.inject({ url: '/api/session', headers: { cookie: sessionCookieOf(res) } });
      expect(session.statusCode).toBe(200);
      expect(session.json().mustChangePassword).toBe(true);
    });

    it('refuses every other route with 403 and a Chinese message, and stores nothing', async () => {
      const headers = await signIn(app, 'admin', password);
      const refused = [
        await app.inject({ url: '/api/users', headers }),
        await app.inject({ url: '/api/agencies/nowhere/applications', headers }),
        await app.inject({ url: '/api/auth/tokens', headers }),
        await app.inject({
          method: 'POST',
          url: '/api/regions',
          headers,
          payload: { code: '640000', name: '宁夏回族自治区', level: 'province' },
        }),
        await app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers,
          payload: { name: '脚本' },
        }),
      ];
      for (const res of refused) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json()).toMatchObject({ code: 'FORBIDDEN', details: { mustChangePassword: true } });
        expect(res.json().message).toContain('请先修改初始密码');
      }
      expect(await t.db.selectFrom('regions').selectAll().execute()).toEqual([]);
      expect(await t.db.selectFrom('api_tokens').selectAll().execute()).toEqual([]);
    });

    it('still lets the user log out', async () => {
      const headers = await signIn(app, 'admin', password);
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(out.statusCode).toBe(204);
      expect((await app.inject({ url: '/api/session', headers })).statusCode).toBe(401);
    });
  });

  describe('the change', () => {
    it('lifts the restriction, for this session and the next logins, audited', async () => {
      const headers = await signIn(app, 'admin', password);
      const changed = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: password, newPassword: 'a-new-admin-pass' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().mustChangePassword).toBe(false);
      const fresh = { cookie: sessionCookieOf(changed), 'x-csrf-token': changed.json().csrfToken };
      expect((await app.inject({ url: '/api/users', headers: fresh })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/session', headers: fresh })).json().mustChangePassword).toBe(
        false,
      );
      const again = await signIn(app, 'admin', 'a-new-admin-pass');
      expect((await app.inject({ url: '/api/users', headers: again })).statusCode).toBe(200);
      const users = (await app.inject({ url: '/api/users', headers: again })).json().items;
      expect(users).toEqual([expect.objectContaining({ username: 'admin', mustChangePassword: false })]);
      const admin = users[0];
      const actions = (await listAuditEntries(t.db, 'user', admin.id)).map((e) => e.action);
      expect(actions).toContain('password-change');
    });
  });
});
