import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  TEST_PASSWORD,
  type TestOrganisation,
} from '../../test/support/server-factories.ts';
import { buildServerTestApp } from '../../test/support/server-test-app.ts';
import type { User } from '../core/organisation/user.ts';

/**
 * Behind nginx (`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`) the header a client
 * sends arrives with the client's real address appended by the proxy: what the client wrote is on
 * the left, what the proxy saw on the right. Only the proxy (10.0.0.1) is trusted.
 */
const PROXY = '10.0.0.1';
const CLIENT = '198.51.100.1';
const spoofed = (i: number) => `192.0.2.${i + 1}, ${CLIENT}`;

describe('client addresses behind a trusted reverse proxy (TRUST_PROXY=10.0.0.1)', () => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let user: User;

  beforeAll(async () => {
    app = await buildServerTestApp({
      env: {
        TRUST_PROXY: PROXY,
        LOGIN_IP_MAX_FAILURES: '3',
        LOGIN_IP_WINDOW_MINUTES: '10',
        PUBLIC_APPLY_MAX_PER_HOUR: '2',
      },
    });
    org = await createTestOrganisation(app.db);
    user = await createTestUser(app.db, 'officer', { agencyId: org.agencyX.id });
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (password: string, forwardedFor: string, remoteAddress = PROXY) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password },
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('does not let a client escape the login limit by rotating its own X-Forwarded-For', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('wrong-password', spoofed(i))).statusCode).toBe(401);
    const blocked = await login(TEST_PASSWORD, spoofed(3));
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('TOO_MANY_REQUESTS');
    // Another client behind the same proxy is not held back.
    expect((await login(TEST_PASSWORD, '203.0.113.50')).statusCode).toBe(200);
  });

  it('names the real client address in the audit log, not the spoofed one', async () => {
    const labels = (
      await app.db
        .selectFrom('audit_log')
        .select('actor_label')
        .where('entity_id', '=', user.id)
        .where('action', '=', 'login-failed')
        .execute()
    ).map((r) => r.actor_label);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label).toContain(CLIENT);
      expect(label).not.toContain('192.0.2.');
    }
  });

  it('does not let a client escape the public-apply limit by rotating its own X-Forwarded-For', async () => {
    const apply = (i: number) =>
      app.inject({
        method: 'POST',
        url: `/api/public/agencies/${org.agencyX.id}/applications`,
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': spoofed(10 + i) },
        payload: {
          applicantType: 'naturalPerson',
          applicant: { name: '李四', idNumber: '110101199001011237', email: 'lisi@example.cn' },
          description: '2024年本区老旧小区改造项目清单',
          requestedForm: { delivery: ['email'] },
        },
      });
    expect((await apply(0)).statusCode).toBe(201);
    expect((await apply(1)).statusCode).toBe(201);
    const third = await apply(2);
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('TOO_MANY_REQUESTS');
  });

  it('ignores X-Forwarded-For from a client that reaches the server directly', async () => {
    // 203.0.113.9 is not the proxy: its header is not believed, so naming CLIENT does not block it.
    expect((await login(TEST_PASSWORD, CLIENT, '203.0.113.9')).statusCode).toBe(200);
  });
});
