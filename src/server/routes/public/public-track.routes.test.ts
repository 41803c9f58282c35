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
 * "暂停计算" only while the clock is stopped, with the reason; the same text on the tracking page,
 * the case page and the inbox (issue 15, item 4).
 */
describeEachDialect('the answer deadline as the applicant and the officer see it', (t) => {
  const clock = new TestClock('2025-03-03');
  let app: FastifyInstance;
  let org: TestOrganisation;
  let officer: User;
  let headers: Headers;
  const base = () => `/api/agencies/${org.agencyX.id}/applications`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    officer = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
  });
  afterAll(async () => {
    await app.close();
  });

  /** Moves the clock to `day` and signs in that morning (a session does not outlive the clock's jump). */
  async function at(day: string): Promise<void> {
    clock.set(day);
    headers = await signIn(app, officer.username);
  }

  /** Registers an application handed in on `day`; returns what tracking and recording need. */
  async function register(day: string) {
    await at(day);
    const res = await app.inject({
      method: 'POST',
      url: base(),
      headers,
      payload: registrationBody({ submittedOn: day }),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    return {
      id: body.application.id as string,
      trackingNumber: body.application.trackingNumber as string,
      code: body.followUpCode as string,
      version: body.application.version as number,
      registered: body,
    };
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

  /** The three views of one application's answer deadline: tracking, case page, inbox row. */
  async function views(c: { id: string; trackingNumber: string; code: string }) {
    const tracking = await app.inject({
      method: 'POST',
      url: '/api/public/track',
      payload: { agencyId: org.agencyX.id, trackingNumber: c.trackingNumber, code: c.code },
    });
    const page = await app.inject({ url: `${base()}/${c.id}`, headers });
    const list = await app.inject({ url: `${base()}?q=${c.trackingNumber}`, headers });
    const row = list.json().items.find((r: { id: string }) => r.id === c.id);
    const pick = (v: { answerDueState: string; answerDueLabel: string }): [string, string] => [
      v.answerDueState,
      v.answerDueLabel,
    ];
    return { tracking: pick(tracking.json()), page: pick(page.json()), row: pick(row) };
  }

  it('shows the due date while the clock runs', async () => {
    // Monday 2025-03-03 + 20 working days (no holiday before 清明 on 04-04) = 2025-03-31.
    const c = await register('2025-03-03');
    expect(await views(c)).toEqual({
      tracking: ['due', '2025-03-31'],
      page: ['due', '2025-03-31'],
      row: ['due', '2025-03-31'],
    });
  });

  it('says the clock is stopped for a 补正, and runs again on the corrected application', async () => {
    const c = await register('2025-03-03');
    await at('2025-03-05');
    await record(c, { type: 'correction-requested', on: '2025-03-05' });
    const paused = ['paused', '暂停计算（等待申请人补正）'];
    expect(await views(c)).toEqual({ tracking: paused, page: paused, row: paused });
    await at('2025-03-10');
    await record(c, { type: 'correction-received', on: '2025-03-10' });
    // Art. 30: 20 working days from 2025-03-10 = 2025-04-08 (清明 04-04…04-06 off).
    expect((await views(c)).tracking).toEqual(['due', '2025-04-08']);
  });

  it('names the third-party consultation and the fee notice as the reasons of a suspension', async () => {
    const c = await register('2025-03-03');
    await at('2025-03-07');
    await record(c, {
      type: 'consultation-started',
      on: '2025-03-07',
      party: 'third-party',
      name: '某某公司',
    });
    const v = await views(c);
    expect(v.tracking).toEqual(['paused', '暂停计算（征求第三方意见中）']);
    expect(v.page).toEqual(v.tracking);
    // The list row has no history: it knows a consultation is open, not with whom.
    expect(v.row).toEqual(['paused', '暂停计算（征求意见中）']);

    const f = await register('2025-03-03');
    await at('2025-03-07');
    await record(f, {
      type: 'fee-notice',
      on: '2025-03-07',
      amountYuan: 100,
      basis: { method: 'per-page', pages: 40 },
    });
    const fee = ['paused', '暂停计算（等待缴纳信息处理费）'];
    expect(await views(f)).toEqual({ tracking: fee, page: fee, row: fee });
  });

  it('never says “paused” after an extension that nothing stopped, even into a year beyond the calendar', async () => {
    // Handed in 2026-12-07, extended by 20 working days on 12-28: the due date runs into 2027.
    const c = await register('2026-12-07');
    await at('2026-12-28');
    await record(c, {
      type: 'extension',
      approvedOn: '2026-12-28',
      noticeOn: '2026-12-28',
      days: 20,
      approver: '办公室主任',
    });
    const v = await views(c);
    for (const [state, label] of [v.tracking, v.page]) {
      expect(label).not.toContain('暂停');
      // Either a (provisional) date or, while the 2027 arrangement is not known, the reason.
      expect(state === 'due' ? label : label.startsWith('答复期限暂无法计算：')).toBeTruthy();
    }
    expect(v.row?.[1]).not.toContain('暂停');
  });
});
