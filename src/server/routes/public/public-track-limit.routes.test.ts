import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp } from '../../../../test/support/server-test-app.ts';

describe('POST /api/public/track rate limit per client address', () => {
  let app: FastifyInstance;
  let org: TestOrganisation;

  beforeAll(async () => {
    app = await buildServerTestApp({ env: { PUBLIC_TRACK_MAX_PER_HOUR: '3' } });
    org = await createTestOrganisation(app.db);
  });
  afterAll(async () => {
    await app.close();
  });

  const track = (code: string, remoteAddress = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url: '/api/public/track',
      remoteAddress,
      payload: { agencyId: org.agencyX.id, trackingNumber: '2025-0001', code },
    });

  it('answers 429 with Retry-After and a Chinese message once an address used its queries of the hour', async () => {
    for (let i = 0; i < 3; i += 1) expect((await track(`guess-${i}`)).statusCode).toBe(404);
    const refused = await track('guess-3');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('TOO_MANY_REQUESTS');
    expect(refused.json().message).toMatch(
      /^查询过于频繁：同一网络地址每小时最多查询 3 次，请 \d+ 分钟后再试$/,
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
  });

  it('does not hold back another address', async () => {
    expect((await track('guess-x', '198.51.100.20')).statusCode).toBe(404);
  });
});
