import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  registrationBody,
  sessionHeaders,
  TEST_APPLICANT,
  type TestOrganisation,
  tokenHeaders,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { User } from '../../../core/organisation/user.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import { verifyAuditChain } from '../../../store/audit/verify-audit-chains.ts';

describeEachDialect('GET …/applications/:id/applicant is audited', (t) => {
  const clock = new TestClock('2026-03-02');
  let app: FastifyInstance;
  let org: TestOrganisation;
  let officer: User;
  let reviewer: User;
  let otherOfficer: User;
  const base = () => `/api/agencies/${org.agencyX.id}/applications`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    officer = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
    reviewer = await createTestUser(t.db, 'reviewer', { agencyId: org.agencyX.id });
    otherOfficer = await createTestUser(t.db, 'officer', { agencyId: org.agencyY.id });
  });
  afterAll(async () => {
    await app.close();
  });

  it('appends one entry per read naming who and which case, without the personal data', async () => {
    const headers = await sessionHeaders(t.db, officer, clock.now());
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await app.inject({ method: 'POST', url: base(), headers, payload: registrationBody() });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().application.id);
    }
    // Random reads by two readers over the three cases; the expected count is kept beside them.
    const readers = [
      { user: officer, headers },
      { user: reviewer, headers: await tokenHeaders(t.db, reviewer) },
    ];
    const expected = new Map<string, number>();
    for (let i = 0; i < 12; i += 1) {
      const reader = readers[Math.floor(Math.random() * readers.length)]!;
      const id = ids[Math.floor(Math.random() * ids.length)]!;
      clock.set(new Date(Date.parse('2026-03-02T02:00:00Z') + i * 60_000).toISOString());
      const res = await app.inject({ url: `${base()}/${id}/applicant`, headers: reader.headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ...TEST_APPLICANT, idType: 'resident-id', idTypeLabel: '居民身份证' });
      const key = `${id}|${reader.user.id}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const counted = new Map<string, number>();
    for (const id of ids) {
      const reads = (await listAuditEntries(t.db, 'application', id)).filter(
        (e) => e.action === 'applicant.read',
      );
      for (const entry of reads) {
        expect(entry).toMatchObject({ before: null, after: null, entityId: id });
        expect(entry.actor.label).toContain(
          entry.actor.userId === officer.id ? officer.username : reviewer.username,
        );
        const key = `${id}|${entry.actor.userId}`;
        counted.set(key, (counted.get(key) ?? 0) + 1);
      }
      const serialized = JSON.stringify(await listAuditEntries(t.db, 'application', id));
      for (const value of Object.values(TEST_APPLICANT)) expect(serialized).not.toContain(value);
    }
    expect(counted).toEqual(expected);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('shows the reads in the case trail, labelled in Chinese', async () => {
    const headers = await sessionHeaders(t.db, officer, clock.now());
    const created = await app.inject({ method: 'POST', url: base(), headers, payload: registrationBody() });
    const id = created.json().application.id;
    await app.inject({ url: `${base()}/${id}/applicant`, headers });
    const trail = (await app.inject({ url: `${base()}/${id}`, headers })).json().auditTrail;
    expect(trail.map((e: { actionLabel: string }) => e.actionLabel)).toEqual([
      '登记申请',
      '查看申请人个人信息',
    ]);
  });

  it('records nothing when the read is refused or the case does not exist', async () => {
    const headers = await sessionHeaders(t.db, officer, clock.now());
    const created = await app.inject({ method: 'POST', url: base(), headers, payload: registrationBody() });
    const id = created.json().application.id;
    const before = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const other = await sessionHeaders(t.db, otherOfficer, clock.now());
    expect((await app.inject({ url: `${base()}/${id}/applicant`, headers: other })).statusCode).toBe(403);
    expect((await app.inject({ url: `${base()}/no-such-case/applicant`, headers })).statusCode).toBe(404);
    const after = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(before?.n));
  });
});
