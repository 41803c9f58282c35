import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  registrationBody,
  signIn,
  type TestOrganisation,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { User } from '../../../core/organisation/user.ts';

/**
 * 逾期答复 on the case, in the inbox and in the year's statistics (issue 15, item 6). Three
 * applications handed in on Monday 2025-03-03 (due Monday 2025-03-31; 清明 2025 is 04-04…04-06).
 */
describeEachDialect('answers after the deadline', (t) => {
  const clock = new TestClock('2025-03-03');
  let app: FastifyInstance;
  let org: TestOrganisation;
  let officer: User;
  let headers: Headers;
  const base = () => `/api/agencies/${org.agencyX.id}/applications`;
  const cases: Array<{ id: string; version: number }> = [];

  async function at(day: string): Promise<void> {
    clock.set(day);
    headers = await signIn(app, officer.username);
  }

  async function record(c: { id: string; version: number }, event: Record<string, unknown>) {
    const res = await app.inject({
      method: 'POST',
      url: `${base()}/${c.id}/events`,
      headers,
      payload: { event, expectedVersion: c.version },
    });
    expect(res.statusCode).toBe(200);
    c.version = res.json().application.version;
    return res.json();
  }

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    officer = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
    await at('2025-03-03');
    for (let i = 0; i < 3; i += 1) {
      const res = await app.inject({
        method: 'POST',
        url: base(),
        headers,
        payload: registrationBody({ submittedOn: '2025-03-03' }),
      });
      expect(res.statusCode).toBe(201);
      cases.push({ id: res.json().application.id, version: res.json().application.version });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('marks an answer on the last day as on time, and one four working days later as late', async () => {
    const [onTime, late, withdrawn] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0]];
    await at('2025-03-31');
    const first = await record(onTime, { type: 'answered', on: '2025-03-31', outcome: 'granted' });
    expect(first.application.answerTimeliness).toEqual({
      state: 'on-time',
      answeredOn: '2025-03-31',
      dueOn: '2025-03-31',
      workingDaysLate: null,
      label: '按期答复',
    });
    await record(withdrawn, { type: 'withdrawn', on: '2025-03-31' });
    await at('2025-04-07');
    await record(late, { type: 'answered', on: '2025-04-07', outcome: 'granted' });
    const page = await app.inject({ url: `${base()}/${late.id}`, headers });
    // 04-01, 04-02, 04-03, (清明 and the weekend), 04-07.
    expect(page.json().application.answerTimeliness).toMatchObject({
      state: 'late',
      dueOn: '2025-03-31',
      workingDaysLate: 4,
      label: '逾期答复（超过答复期限4个工作日）',
    });
    const withdrawal = await app.inject({ url: `${base()}/${withdrawn.id}`, headers });
    expect(withdrawal.json().application.answerTimeliness).toBeNull();
  });

  it('lists only the late answer under the inbox filter', async () => {
    const all = await app.inject({ url: base(), headers });
    expect(all.json().total).toBe(3);
    const res = await app.inject({ url: `${base()}?answeredLate=true`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(1);
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([cases[1]?.id]);
    expect(res.json().items[0].answerTimeliness.label).toBe('逾期答复（超过答复期限4个工作日）');
    // The history is used on the server, never sent in a list row (third parties' names).
    expect(res.json().items[0]).not.toHaveProperty('events');
    const bad = await app.inject({ url: `${base()}?answeredLate=yes`, headers });
    expect(bad.statusCode).toBe(400);
  });

  it('counts the year’s answers on time and late, without the withdrawal', async () => {
    const res = await app.inject({ url: `${base()}/timeliness?year=2025`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      year: 2025,
      answered: 2,
      onTime: 1,
      late: 1,
      unknown: 0,
      onTimeRate: '50.0%',
    });
    const other = await app.inject({ url: `${base()}/timeliness?year=2024`, headers });
    expect(other.json()).toMatchObject({ answered: 0, onTimeRate: null });
    expect((await app.inject({ url: `${base()}/timeliness`, headers })).statusCode).toBe(400);
  });
});
