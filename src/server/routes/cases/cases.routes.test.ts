import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createRecordsTestUsers,
  type RecordsCaller,
  type RecordsTestUsers,
  recordsHeaders,
} from '../../../../test/support/records-test-users.ts';
import { type Headers, registrationBody } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';

describeEachDialect('cases and table 四 through the API', (t) => {
  const clock = new TestClock('2026-01-05');
  let app: FastifyInstance;
  let users: RecordsTestUsers;
  let h: Record<RecordsCaller, Headers>;
  const base = () => `/api/agencies/${users.org.agencyX.id}/cases`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    users = await createRecordsTestUsers(t.db);
    h = await recordsHeaders(t.db, users, clock.now());
  });
  afterAll(async () => {
    await app.close();
  });

  const file = (payload: Record<string, unknown>, caller: RecordsCaller = 'officer') =>
    app.inject({ method: 'POST', url: base(), headers: h[caller], payload });
  const decide = (id: string, payload: Record<string, unknown>, caller: RecordsCaller = 'officer') =>
    app.inject({ method: 'POST', url: `${base()}/${id}/decision`, headers: h[caller], payload });

  it('files cases linked to an application, decides them, and table 四 counts them by year', async () => {
    const registered = await app.inject({
      method: 'POST',
      url: `/api/agencies/${users.org.agencyX.id}/applications`,
      headers: h.officer,
      payload: registrationBody({ submittedOn: '2025-03-03' }),
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const applicationId = registered.json().application.id;
    const a = await file({
      kind: 'review',
      filedOn: '2025-05-06',
      caseNumber: '卫政复〔2025〕3号',
      applicationId,
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ kindLabel: '行政复议', resultLabel: '尚未审结', applicationId });
    const b = await file({ kind: 'litigationAfterReview', filedOn: '2025-11-20' }, 'leader');
    const c = await file({ kind: 'litigationDirect', filedOn: '2025-07-01' });
    expect([b.statusCode, c.statusCode]).toEqual([201, 201]);
    const decided = await decide(a.json().id, {
      result: 'corrected',
      decidedOn: '2025-08-01',
      expectedVersion: 1,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ result: 'corrected', resultLabel: '纠正', version: 2 });
    expect(
      (await decide(c.json().id, { result: 'upheld', decidedOn: '2026-01-04', expectedVersion: 1 }))
        .statusCode,
    ).toBe(200);

    const t2025 = await app.inject({
      method: 'GET',
      url: `/api/agencies/${users.org.agencyX.id}/table4/2025`,
      headers: h.supervisor,
    });
    expect(t2025.statusCode).toBe(200);
    expect(t2025.json().table4).toEqual({
      review: [0, 1, 0, 0, 1],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReview: [0, 0, 0, 1, 1],
    });
    const t2026 = await app.inject({
      method: 'GET',
      url: `/api/agencies/${users.org.agencyX.id}/table4/2026`,
      headers: h.admin,
    });
    expect(t2026.json().table4).toEqual({
      review: [0, 0, 0, 0, 0],
      litigationDirect: [1, 0, 0, 0, 1],
      litigationAfterReview: [0, 0, 0, 1, 1],
    });
    const open = await app.inject({ method: 'GET', url: `${base()}?open=true`, headers: h.officer });
    expect(open.json().map((x: { id: string }) => x.id)).toEqual([b.json().id]);
    expect((await listAuditEntries(t.db, 'case', a.json().id)).map((e) => e.action)).toEqual([
      'file',
      'decide',
    ]);
    const audit = JSON.stringify(await listAuditEntries(t.db, 'case', a.json().id));
    expect(audit).not.toContain(registrationBody().applicant.name);
  });

  it('refuses bad dates, another agency’s application, a second decision, a stale version and outsiders', async () => {
    for (const payload of [
      { kind: 'review', filedOn: '2025-13-01' },
      { kind: 'review', filedOn: '2026-01-06' },
      { kind: 'appeal', filedOn: '2025-01-01' },
    ]) {
      const res = await file(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/agencies/${users.org.agencyY.id}/applications`,
      headers: h.officerOther,
      payload: registrationBody({ submittedOn: '2025-03-03' }),
    });
    expect(
      (await file({ kind: 'review', filedOn: '2025-05-06', applicationId: foreign.json().application.id }))
        .statusCode,
    ).toBe(404);
    const c = await file({ kind: 'review', filedOn: '2025-05-06' });
    expect(
      (await decide(c.json().id, { result: 'upheld', decidedOn: '2025-05-05', expectedVersion: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await decide(c.json().id, { result: 'upheld', decidedOn: '2025-02-30', expectedVersion: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await decide(c.json().id, { result: 'upheld', decidedOn: '2025-06-06', expectedVersion: 1 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await decide(c.json().id, { result: 'other', decidedOn: '2025-06-07', expectedVersion: 1 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await decide(c.json().id, { result: 'other', decidedOn: '2025-06-07', expectedVersion: 2 }))
        .statusCode,
    ).toBe(409);
    for (const caller of ['officerOther', 'supervisor', 'supervisorOther', 'admin'] as const) {
      expect((await file({ kind: 'review', filedOn: '2025-05-06' }, caller)).statusCode, caller).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: base(), headers: h.supervisorOther })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ method: 'GET', url: base(), headers: h.supervisor })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/agencies/nope/table4/2025', headers: h.admin }))
        .statusCode,
    ).toBe(404);
  });
});
