import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  sessionHeaders,
  TEST_PASSWORD,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { User } from '../../../core/organisation/user.ts';
import { openDatabase } from '../../../store/dialect.ts';
import { LOCKOUT } from '../../../store/users/users.repository.ts';
import { LoginThrottle } from '../../plugins/login-throttle.ts';

describeEachDialect('LoginThrottle', (t) => {
  it('refuses a subject after `limit` attempts within the window, until the window ends', async () => {
    const throttle = new LoginThrottle('test-throttle', 3, 60_000);
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    expect(await throttle.attempt(t.db, '10.0.0.1', at(0))).toBe(0);
    expect(await throttle.attempt(t.db, '10.0.0.1', at(10))).toBe(0);
    expect(await throttle.retryAfterMs(t.db, '10.0.0.1', at(11))).toBe(0);
    expect(await throttle.attempt(t.db, '10.0.0.1', at(20))).toBe(0);
    expect(await throttle.retryAfterMs(t.db, '10.0.0.1', at(21))).toBe(39_000);
    // Refused, and not counted: the window still ends 60 s after the first attempt.
    expect(await throttle.attempt(t.db, '10.0.0.1', at(30))).toBe(30_000);
    expect(await throttle.retryAfterMs(t.db, '10.0.0.2', at(21))).toBe(0);
    expect(await throttle.retryAfterMs(t.db, '10.0.0.1', at(59))).toBe(1_000);
    expect(await throttle.retryAfterMs(t.db, '10.0.0.1', at(60))).toBe(0);
  });

  it('counts the attempts made through another connection (another instance) and forgets them on clear', async () => {
    const throttle = new LoginThrottle('test-shared', 2, 60_000);
    const now = new Date('2026-01-01T00:00:00Z');
    const other = openDatabase(t.url);
    const second = t.dialect === 'postgres' ? other.db : t.db;
    try {
      await throttle.attempt(t.db, 'u 10.0.0.9', now);
      await throttle.attempt(second, 'u 10.0.0.9', now);
      expect(await throttle.retryAfterMs(t.db, 'u 10.0.0.9', now)).toBe(60_000);
      await throttle.clear(second, 'u 10.0.0.9');
      expect(await throttle.retryAfterMs(t.db, 'u 10.0.0.9', now)).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describeEachDialect('POST /api/auth/login per-address limit', (t) => {
  const clock = new TestClock('2026-06-30T02:00:00.000Z');
  let app: FastifyInstance;
  let users: User[];

  beforeAll(async () => {
    app = await buildServerTestApp({
      store: t,
      now: clock.now,
      env: { LOGIN_IP_MAX_FAILURES: '20', LOGIN_IP_WINDOW_MINUTES: '10' },
    });
    const org = await createTestOrganisation(t.db);
    // Several accounts, so that the per-account lockout (5) is not what stops the guessing.
    users = [];
    for (let i = 0; i < 6; i += 1)
      users.push(await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id }));
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (username: string, password: string, ip = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('answers 429 in Chinese after 20 failures in 10 minutes from one address, even to the right password', async () => {
    for (let i = 0; i < 20; i += 1) {
      clock.set(new Date(Date.parse('2026-06-30T02:00:00.000Z') + i * 10_000).toISOString());
      const res = await login(users[i % 5]!.username, `wrong-${i}`);
      expect(res.statusCode).not.toBe(429);
    }
    clock.set('2026-06-30T02:05:00.000Z');
    const blocked = await login(users[5]!.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.json().message).toBe('来自该地址的登录失败次数过多，请 5 分钟后再试');
    expect(blocked.headers['retry-after']).toBe('300');
    // The refused attempt was not an attempt: the account was not touched.
    const row = await t.db
      .selectFrom('users')
      .select('failed_logins')
      .where('id', '=', users[5]!.id)
      .executeTakeFirst();
    expect(row?.failed_logins).toBe(0);
  });

  it('lets another address in meanwhile', async () => {
    expect((await login(users[5]!.username, TEST_PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('lets the address try again once its oldest failure is 10 minutes old', async () => {
    clock.set('2026-06-30T02:10:00.001Z');
    expect((await login(users[5]!.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describeEachDialect(
  'POST /api/auth/login per-address limit behind a reverse proxy (TRUST_PROXY=10.0.0.1)',
  (t) => {
    let app: FastifyInstance;
    let user: User;

    beforeAll(async () => {
      app = await buildServerTestApp({
        store: t,
        env: { TRUST_PROXY: '10.0.0.1', LOGIN_IP_MAX_FAILURES: '3', LOGIN_IP_WINDOW_MINUTES: '10' },
      });
      const org = await createTestOrganisation(t.db);
      user = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
    });
    afterAll(async () => {
      await app.close();
    });

    const login = (password: string, client: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password },
        remoteAddress: '10.0.0.1', // the proxy
        headers: { 'x-forwarded-for': client },
      });

    it('counts each client address the proxy forwards, not the proxy itself', async () => {
      for (let i = 0; i < 3; i += 1) expect((await login('wrong', '198.51.100.1')).statusCode).toBe(401);
      expect((await login(TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(429);
      expect((await login(TEST_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    });
  },
);

describeEachDialect('POST /api/auth/login under a concurrent burst', (t) => {
  const ADDRESS_LIMIT = 3 * LOCKOUT.maxFailures;
  const BURST = 3 * ADDRESS_LIMIT;
  let app: FastifyInstance;
  let user: User;

  beforeAll(async () => {
    app = await buildServerTestApp({
      store: t,
      now: () => new Date('2026-06-30T02:00:00.000Z'),
      env: { LOGIN_IP_MAX_FAILURES: String(ADDRESS_LIMIT), LOGIN_IP_WINDOW_MINUTES: '10' },
    });
    const org = await createTestOrganisation(t.db);
    user = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (username: string, password: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('counts no more wrong passwords for an account and address than the back-off allows, however many arrive at once', async () => {
    // Twice the back-off's failures, all from one address, within the per-address limit.
    const answers = await Promise.all(
      Array.from({ length: 2 * LOCKOUT.maxFailures }, (_, i) =>
        login(user.username, `wrong-${i}`, '203.0.113.50'),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 401));
    const counted = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', user.id)
      .where('action', 'in', ['login-failed', 'login-locked'])
      .execute();
    expect(counted).toHaveLength(LOCKOUT.maxFailures);
    expect(counted.filter((row) => row.action === 'login-locked')).toHaveLength(1);
    // Held back from that address, even with the right password; the owner gets in from another.
    expect((await login(user.username, TEST_PASSWORD, '203.0.113.50')).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD, '198.51.100.50')).statusCode).toBe(200);
  });

  it('lets no more failed logins from one address through than its limit, however many arrive at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => login(`nobody-${i}`, 'wrong-password', '203.0.113.60')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(ADDRESS_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(BURST - ADDRESS_LIMIT);
  });
});

describeEachDialect('GET /api/users shows what holds an account back now', (t) => {
  const clock = new TestClock('2026-06-30T02:00:00.000Z');
  let app: FastifyInstance;
  let admin: User;
  let target: User;
  let other: User;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    const org = await createTestOrganisation(t.db);
    admin = await createTestUser(t.db, 'admin');
    target = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
    other = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (username: string, password: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
  const heldBackUntil = async (user: User): Promise<string | null> => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/users',
      headers: await sessionHeaders(t.db, admin),
    });
    expect(res.statusCode).toBe(200);
    const item = (res.json().items as Array<Record<string, unknown>>).find((entry) => entry.id === user.id)!;
    expect(item).not.toHaveProperty('lockedUntil');
    return item.loginHeldBackUntil as string | null;
  };

  it('until when logins from some address are held back, never a lock of the account', async () => {
    const start = clock.now();
    const holdEnds = new Date(start.getTime() + LOCKOUT.minutes * 60_000).toISOString();
    for (let i = 0; i < LOCKOUT.maxFailures; i += 1)
      await login(target.username, `wrong-${i}`, '203.0.113.70');
    await login(other.username, 'wrong-once', '203.0.113.71');
    expect(await heldBackUntil(target)).toBe(holdEnds);
    expect(await heldBackUntil(other)).toBeNull();
    expect(await heldBackUntil(admin)).toBeNull();
    // The owner logs in from elsewhere: the account is not locked; that address stays held back.
    expect((await login(target.username, TEST_PASSWORD, '198.51.100.70')).statusCode).toBe(200);
    expect(await heldBackUntil(target)).toBe(holdEnds);
    // Once the hold is over it is no longer shown.
    clock.set(holdEnds);
    expect(await heldBackUntil(target)).toBeNull();
  });
});
