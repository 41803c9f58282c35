import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  registrationBody,
  sessionHeaders,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';

describeEachDialect('a second 补正 notice through the API', (t) => {
  const clock = new TestClock('2025-03-03');
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
  });
  afterAll(async () => {
    await app.close();
  });

  it('gets a document number of its own, and the first keeps its number', async () => {
    const org = await createTestOrganisation(t.db);
    const officer = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
    const headers = await sessionHeaders(t.db, officer, clock.now());
    const base = `/api/agencies/${org.agencyX.id}/applications`;
    const created = await app.inject({
      method: 'POST',
      url: base,
      headers,
      payload: registrationBody({ submittedOn: '2025-03-03' }),
    });
    let { id, version } = created.json().application as { id: string; version: number };
    const record = async (day: string, event: Record<string, unknown>) => {
      clock.set(day);
      const res = await app.inject({
        method: 'POST',
        url: `${base}/${id}/events`,
        headers: await sessionHeaders(t.db, officer, clock.now()),
        payload: { event, expectedVersion: version },
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().application.version;
    };
    const notice = async () => {
      const res = await app.inject({
        method: 'POST',
        url: `${base}/${id}/letters`,
        headers: await sessionHeaders(t.db, officer, clock.now()),
        payload: { kind: 'correction', format: 'html', points: ['请写明所申请路段的名称'] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return /<p class="gk-letter-number">([^<]+)<\/p>/.exec(res.body)?.[1];
    };

    await record('2025-03-05', { type: 'correction-requested', on: '2025-03-05' });
    expect(await notice()).toBe('甲县数据补〔2025〕第0001号');
    await record('2025-03-10', { type: 'correction-received', on: '2025-03-10' });
    await record('2025-03-12', { type: 'correction-requested', on: '2025-03-12' });
    expect(await notice()).toBe('甲县数据补〔2025〕第0001-2号');

    const numbers = (await listAuditEntries(t.db, 'application', id))
      .filter((e) => e.action === 'letter.generated')
      .map((e) => (e.after as { documentNumber: string }).documentNumber);
    expect(numbers).toEqual(['甲县数据补〔2025〕第0001号', '甲县数据补〔2025〕第0001-2号']);
  });
});
