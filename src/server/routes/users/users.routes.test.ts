import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestUser,
  type Headers,
  sessionHeaders,
  signIn,
  TEST_PASSWORD,
  tokenHeaders,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, sessionCookieOf } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { User } from '../../../core/organisation/user.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';

describeEachDialect('administration: regions, agencies and users', (t) => {
  let app: FastifyInstance;
  let admin: User;
  let headers: Headers;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t });
    admin = await createTestUser(t.db, 'admin');
    headers = await sessionHeaders(t.db, admin);
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, payload: object, as: Headers = headers) =>
    app.inject({ method: 'POST', url, headers: as, payload });

  describe('regions and agencies', () => {
    it('are created by an administrator, audited, and listed to everyone', async () => {
      const nx = (
        await post('/api/regions', { code: '640000', name: '宁夏回族自治区', level: 'province' })
      ).json();
      const zw = await post('/api/regions', {
        code: '640500',
        name: '中卫市',
        level: 'city',
        parentId: nx.id,
      });
      expect(zw.statusCode).toBe(201);
      const zwId: string = zw.json().id;
      const agency = await post('/api/agencies', {
        regionId: zw.json().id,
        name: '中卫市数据局',
        kind: 'department',
      });
      expect(agency.statusCode).toBe(201);
      const dup = await post('/api/regions', {
        code: '640500',
        name: '中卫市',
        level: 'city',
        parentId: nx.id,
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toBe('行政区划代码 640500 已存在');
      const county = await post('/api/regions', {
        code: '640599',
        name: 'x',
        level: 'county',
        parentId: 'nope',
      });
      expect(county.statusCode).toBe(404);

      const top = (await app.inject({ url: '/api/regions' })).json();
      expect(top.items.map((r: { name: string }) => r.name)).toContain('宁夏回族自治区');
      const children = (await app.inject({ url: `/api/regions?parentId=${nx.id}` })).json();
      expect(children.items).toEqual([expect.objectContaining({ code: '640500', parentId: nx.id })]);
      // A county whose code sorts before its city's still comes after it: parents first.
      const county2 = (
        await post('/api/regions', { code: '100001', name: '沙坡头区', level: 'county', parentId: zwId })
      ).json();
      const all = (await app.inject({ url: '/api/regions?all=true' })).json().items as Array<{ id: string }>;
      const position = (id: string) => all.findIndex((r) => r.id === id);
      expect(position(nx.id)).toBeGreaterThanOrEqual(0);
      expect(position(nx.id)).toBeLessThan(position(zwId));
      expect(position(zwId)).toBeLessThan(position(county2.id));
      expect(all).toHaveLength((await t.db.selectFrom('regions').select('id').execute()).length);
      expect((await app.inject({ url: `/api/regions?all=true&parentId=${nx.id}` })).statusCode).toBe(400);
      const agencies = (await app.inject({ url: `/api/agencies?regionId=${nx.id}` })).json();
      expect(agencies.items).toEqual([expect.objectContaining({ name: '中卫市数据局', kind: 'department' })]);
      expect((await app.inject({ url: '/api/agencies' })).json().items).toHaveLength(1);
      expect((await app.inject({ url: '/api/agencies?regionId=nope' })).statusCode).toBe(404);

      expect((await listAuditEntries(t.db, 'region', nx.id))[0]).toMatchObject({
        action: 'create',
        actor: { userId: admin.id },
        after: { code: '640000', name: '宁夏回族自治区' },
      });
      expect((await listAuditEntries(t.db, 'agency', agency.json().id))[0]?.action).toBe('create');
    });
  });

  describe('users', () => {
    it('are created with the scope their role needs, listed without secrets, and audited', async () => {
      const region = (
        await post('/api/regions', { code: '110000', name: '北京市', level: 'province' })
      ).json();
      const agency = (
        await post('/api/agencies', { regionId: region.id, name: '北京市数据局', kind: 'department' })
      ).json();
      const res = await post('/api/users', {
        username: 'li.officer',
        displayName: '李经办',
        password: TEST_PASSWORD,
        role: 'officer',
        agencyId: agency.id,
        regionId: region.id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        role: 'officer',
        agencyId: agency.id,
        regionId: null,
        disabled: false,
      });
      const missing = await post('/api/users', {
        username: 'x.sup',
        displayName: 'x',
        password: TEST_PASSWORD,
        role: 'supervisor',
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().message).toContain('regionId');
      const ghost = await post('/api/users', {
        username: 'x.ghost',
        displayName: 'x',
        password: TEST_PASSWORD,
        role: 'officer',
        agencyId: 'no-such-agency',
      });
      expect(ghost.statusCode).toBe(404);
      const taken = await post('/api/users', {
        username: 'li.officer',
        displayName: 'x',
        password: TEST_PASSWORD,
        role: 'admin',
      });
      expect(taken.statusCode).toBe(409);
      const list = await app.inject({ url: '/api/users', headers });
      expect(list.json().items.map((u: { username: string }) => u.username)).toContain('li.officer');
      expect(list.body).not.toMatch(/scrypt|passwordHash|password_hash|failedLogins/);
      const audit = await listAuditEntries(t.db, 'user', res.json().id);
      expect(audit.map((e) => e.action)).toEqual(['create']);
      expect(JSON.stringify(audit)).not.toContain(TEST_PASSWORD);
    });

    it('change role and scope; disabling ends sessions and tokens, re-enabling lets the user in again', async () => {
      const user = await createTestUser(t.db, 'admin');
      const own = await signIn(app, user.username);
      const token = await tokenHeaders(t.db, user);
      const region = (
        await post('/api/regions', { code: '120000', name: '天津市', level: 'province' })
      ).json();
      const patch = (payload: object) =>
        app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers, payload });

      const demoted = await patch({ role: 'supervisor', regionId: region.id });
      expect(demoted.json()).toMatchObject({ role: 'supervisor', regionId: region.id, agencyId: null });
      // The role is read from the database on every request: the change applies at once.
      expect((await app.inject({ url: '/api/users', headers: own })).statusCode).toBe(403);

      expect((await patch({ disabled: true })).json()).toMatchObject({
        disabled: true,
        loginHeldBackUntil: null,
      });
      expect((await app.inject({ url: '/api/session', headers: own })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/session', headers: token })).statusCode).toBe(401);
      const refused = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
      });
      expect(refused.json().message).toBe('该账户已停用，请联系系统管理员');

      expect((await patch({ disabled: false })).json().disabled).toBe(false);
      // Disabling revoked the tokens: re-enabling lets the user log in, it does not revive them.
      expect((await app.inject({ url: '/api/session', headers: token })).statusCode).toBe(401);
      const again = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
      });
      expect(again.statusCode).toBe(200);
      const audit = await listAuditEntries(t.db, 'user', user.id);
      expect(audit.filter((e) => e.action === 'update').map((e) => [e.before, e.after])).toEqual([
        [expect.objectContaining({ role: 'admin' }), expect.objectContaining({ role: 'supervisor' })],
        [expect.objectContaining({ disabled: false }), expect.objectContaining({ disabled: true })],
        [expect.objectContaining({ disabled: true }), expect.objectContaining({ disabled: false })],
      ]);
    });

    it('can be required to change the password the administrator gave them before anything else', async () => {
      const res = await post('/api/users', {
        username: 'new.admin',
        displayName: '新管理员',
        password: TEST_PASSWORD,
        role: 'admin',
        mustChangePassword: true,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ mustChangePassword: true });
      const login = await post('/api/auth/login', { username: 'new.admin', password: TEST_PASSWORD }, {});
      expect(login.json().mustChangePassword).toBe(true);
      const own = { cookie: sessionCookieOf(login), 'x-csrf-token': login.json().csrfToken };
      expect((await app.inject({ url: '/api/users', headers: own })).statusCode).toBe(403);
      const changed = await post(
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'changed-by-me-1' },
        own,
      );
      expect(changed.json().mustChangePassword).toBe(false);
      const fresh = { cookie: sessionCookieOf(changed), 'x-csrf-token': changed.json().csrfToken };
      const list = await app.inject({ url: '/api/users', headers: fresh });
      expect(list.statusCode).toBe(200);
      const row = list.json().items.find((u: { username: string }) => u.username === 'new.admin');
      expect(row.mustChangePassword).toBe(false);
    });

    it('reset a forgotten password: one-time password shown once, old password, sessions and tokens end, audited without it', async () => {
      const user = await createTestUser(t.db, 'admin');
      const own = await signIn(app, user.username);
      const token = await tokenHeaders(t.db, user);
      const res = await app.inject({ method: 'POST', url: `/api/users/${user.id}/password-reset`, headers });
      expect(res.statusCode).toBe(200);
      const { username, temporaryPassword } = res.json();
      expect(username).toBe(user.username);
      expect(temporaryPassword).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{20}$/);
      expect((await app.inject({ url: '/api/session', headers: own })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/session', headers: token })).statusCode).toBe(401);
      const old = await post('/api/auth/login', { username, password: TEST_PASSWORD }, {});
      expect(old.statusCode).toBe(401);
      const login = await post('/api/auth/login', { username, password: temporaryPassword }, {});
      expect(login.statusCode).toBe(200);
      // Until the user changes it, the one-time password opens nothing but the password change.
      expect(login.json().mustChangePassword).toBe(true);
      const audit = await listAuditEntries(t.db, 'user', user.id);
      expect(audit.map((e) => e.action)).toContain('password-reset');
      expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
      const self = await app.inject({
        method: 'POST',
        url: `/api/users/${admin.id}/password-reset`,
        headers,
      });
      expect(self.statusCode).toBe(409);
      const missing = await app.inject({ method: 'POST', url: '/api/users/nobody/password-reset', headers });
      expect(missing.statusCode).toBe(404);
    });

    it('keep an administrator from disabling or demoting itself', async () => {
      for (const payload of [{ disabled: true }, { role: 'officer' }]) {
        const res = await app.inject({ method: 'PATCH', url: `/api/users/${admin.id}`, headers, payload });
        expect(res.statusCode).toBe(409);
      }
      const missing = await app.inject({
        method: 'PATCH',
        url: '/api/users/nobody',
        headers,
        payload: { disabled: true },
      });
      expect(missing.statusCode).toBe(404);
    });
  });
});
