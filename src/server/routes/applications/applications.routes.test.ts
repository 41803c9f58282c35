import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  registrationBody,
  sessionHeaders,
  signIn,
  TEST_APPLICANT,
  type TestOrganisation,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { User } from '../../../core/organisation/user.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import { verifyAuditChain } from '../../../store/audit/verify-audit-chains.ts';

const PERSONAL = Object.values(TEST_APPLICANT);

function expectNoPersonalData(body: string): void {
  for (const value of PERSONAL) expect(body).not.toContain(value);
}

describeEachDialect('applications through the API', (t) => {
  const clock = new TestClock('2025-01-24');
  let app: FastifyInstance;
  let org: TestOrganisation;
  let officer: User;
  let supervisor: User;
  const base = () => `/api/agencies/${org.agencyX.id}/applications`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    officer = await createTestUser(t.db, 'officer', { agencyId: org.agencyX.id });
    supervisor = await createTestUser(t.db, 'supervisor', { regionId: org.cityA.id });
  });
  afterAll(async () => {
    await app.close();
  });

  describe('the journey of a letter signed for before the Spring Festival', () => {
    let id: string;
    let trackingNumber: string;
    let followUpCode: string;
    let version: number;

    /** Each step happens on its own day: sign in that morning, record the step. */
    async function on(day: string): Promise<Headers> {
      clock.set(day);
      return signIn(app, officer.username);
    }

    async function record(headers: Headers, event: Record<string, unknown>, expectedVersion = version) {
      const res = await app.inject({
        method: 'POST',
        url: `${base()}/${id}/events`,
        headers,
        payload: { event, expectedVersion },
      });
      if (res.statusCode === 200) version = res.json().application.version;
      return res;
    }

    it('registers it on Friday 2025-01-24 with the answer due on 2025-02-27', async () => {
      const headers = await on('2025-01-24');
      const res = await app.inject({
        method: 'POST',
        url: base(),
        headers,
        payload: registrationBody({ channel: 'mail-registered', submittedOn: '2025-01-24' }),
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      ({ id, trackingNumber, version } = body.application);
      followUpCode = body.followUpCode;
      expect(trackingNumber).toBe('2025-0001');
      expect(followUpCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      expect(body.application).toMatchObject({
        receivedOn: '2025-01-24',
        status: 'received',
        answerDueOn: '2025-02-27',
        dueThisWeek: false,
        overdue: false,
      });
      // 20th working day counting the make-up days 01-26 (Sun) and 02-08 (Sat), skipping 01-28…02-04.
      expect(body.deadlines.answerDue).toBe('2025-02-27');
      expect(body.deadlines.correctionNoticeDue).toBe('2025-02-10');
      const due = body.deadlines.steps.find((s: { label: string }) => s.label === '答复期限');
      expect(due).toMatchObject({ date: '2025-02-27', article: '条例第三十三条第二款' });
      expectNoPersonalData(JSON.stringify(body));
    });

    it('sends a 补正 notice on 2025-02-06, and refuses a stale version with 409', async () => {
      const headers = await on('2025-02-06');
      const res = await record(headers, {
        type: 'correction-requested',
        on: '2025-02-06',
        note: '请明确路段名称',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().application).toMatchObject({ status: 'awaiting-correction', answerDueOn: null });
      expect(res.json().deadlines.status).toBe('awaiting-correction');
      const stale = await record(headers, { type: 'withdrawn', on: '2025-02-06' }, version - 1);
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toEqual({ code: 'CONFLICT', message: '该申请已被他人修改，请刷新后重试' });
    });

    it('records the correction on 2025-02-12: the 20 working days start again (due 2025-03-12)', async () => {
      const headers = await on('2025-02-12');
      const res = await record(headers, { type: 'correction-received', on: '2025-02-12' });
      expect(res.statusCode).toBe(200);
      expect(res.json().application).toMatchObject({ status: 'received', answerDueOn: '2025-03-12' });
    });

    it('extends by 15 working days on 2025-03-05 (due 2025-04-02), once only', async () => {
      const headers = await on('2025-03-05');
      const extension = {
        type: 'extension',
        approvedOn: '2025-03-05',
        noticeOn: '2025-03-05',
        days: 15,
        approver: '办公室主任',
      };
      const res = await record(headers, extension);
      expect(res.statusCode).toBe(200);
      expect(res.json().application.answerDueOn).toBe('2025-04-02');
      const labels = res.json().deadlines.steps.map((s: { label: string }) => s.label);
      expect(labels).toEqual(expect.arrayContaining(['原答复期限', '批准延长答复期限', '延长后的答复期限']));
      const again = await record(headers, extension);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({ code: 'CONFLICT', message: '答复期限只能延长一次（条例第三十三条）' });
    });

    it('answers “partial” on 2025-03-20 and refuses any step after that', async () => {
      const headers = await on('2025-03-20');
      const res = await record(headers, {
        type: 'answered',
        on: '2025-03-20',
        outcome: 'partial',
        secondaryOutcomes: ['denied.thirdParty'],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().application).toMatchObject({
        status: 'concluded',
        outcome: 'partial',
        concludedOn: '2025-03-20',
      });
      const late = await record(headers, { type: 'withdrawn', on: '2025-03-20' });
      expect(late.statusCode).toBe(409);
      expect(late.json().message).toContain('已办结');
    });

    it('shows every step in the case and its audit trail, also to the supervisor, without personal data', async () => {
      clock.set('2025-03-21');
      for (const headers of [await signIn(app, officer.username), await signIn(app, supervisor.username)]) {
        const res = await app.inject({ url: `${base()}/${id}`, headers });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.application.events.map((e: { type: string }) => e.type)).toEqual([
          'correction-requested',
          'correction-received',
          'extension',
          'answered',
        ]);
        expect(body.auditTrail.map((e: { action: string }) => e.action)).toEqual([
          'register',
          'event:correction-requested',
          'event:correction-received',
          'event:extension',
          'event:answered',
        ]);
        expect(body.auditTrail[0]).toMatchObject({
          actor: `测试officer（${officer.username}）`,
          statusAfter: 'received',
        });
        expect(body.auditTrail.at(-1)).toMatchObject({ actionLabel: '作出答复', statusAfter: 'concluded' });
        expectNoPersonalData(res.body);
      }
      const logins = (await listAuditEntries(t.db, 'user', officer.id)).filter((e) => e.action === 'login');
      expect(logins.length).toBeGreaterThanOrEqual(6);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    });

    it('lets the applicant follow it with tracking number and code, and nobody without the code', async () => {
      const track = (code: string, agencyId = org.agencyX.id, number = trackingNumber) =>
        app.inject({
          method: 'POST',
          url: '/api/public/track',
          payload: { agencyId, trackingNumber: number, code },
        });
      const res = await track(followUpCode.toLowerCase().replaceAll('-', ''));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        trackingNumber,
        status: 'concluded',
        statusLabel: '已办结',
        outcomeLabel: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      });
      expect(res.json().steps.map((s: { label: string }) => s.label)).toEqual([
        '收到申请',
        '发出补正通知',
        '收到补正后的申请',
        '延长答复期限',
        '作出答复：（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      ]);
      expectNoPersonalData(res.body);
      expect(res.body).not.toContain('请明确路段名称');
      expect(res.body).not.toContain('办公室主任');
      const misses = [
        await track('AAAA-BBBB-CCCC-DDDD'),
        await track(followUpCode, org.agencyY.id),
        await track(followUpCode, org.agencyX.id, '2025-9999'),
        await track(followUpCode, 'no-such-agency'),
      ];
      for (const miss of misses) {
        expect(miss.statusCode).toBe(404);
        expect(miss.json()).toEqual({
          code: 'NOT_FOUND',
          message: '未找到该申请：请核对机关、受理编号和查询码',
        });
      }
    });
  });

  describe('lists, summary and personal data', () => {
    let headers: Headers;

    beforeAll(async () => {
      clock.set('2026-03-20');
      headers = await sessionHeaders(t.db, officer, clock.now());
      const register = (submittedOn: string, description: string) =>
        app.inject({
          method: 'POST',
          url: base(),
          headers,
          payload: registrationBody({ submittedOn, description }),
        });
      await register('2026-01-05', '逾期未答的申请'); // due 2026-02-03 → overdue
      await register('2026-02-25', '七日内到期的申请'); // due 2026-03-24 (02-28 is a make-up Saturday)
      await register('2026-03-19', '刚收到的申请'); // due 2026-04-17
    });

    it('lists masked names, due dates and flags, filtered and paged, without personal data', async () => {
      const res = await app.inject({ url: `${base()}?year=2026&limit=2`, headers });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ total: 3, limit: 2, offset: 0, today: '2026-03-20' });
      expect(body.items).toHaveLength(2);
      expect(body.items[0]).toMatchObject({ applicantNameMasked: '欧**', description: '刚收到的申请' });
      expectNoPersonalData(res.body);
      const page2 = (await app.inject({ url: `${base()}?year=2026&limit=2&offset=2`, headers })).json();
      expect(page2.items[0]).toMatchObject({
        description: '逾期未答的申请',
        overdue: true,
        dueThisWeek: false,
      });
      const overdue = (await app.inject({ url: `${base()}?dueBefore=2026-03-20`, headers })).json();
      expect(overdue.items.map((i: { description: string }) => i.description)).toEqual(['逾期未答的申请']);
      const q = (await app.inject({ url: `${base()}?q=${encodeURIComponent('七日内')}`, headers })).json();
      expect(q.items).toHaveLength(1);
      expect(q.items[0]).toMatchObject({ answerDueOn: '2026-03-24', dueThisWeek: true, overdue: false });
      // The inbox's default: the open applications only, without the one answered in 2025.
      const all = (await app.inject({ url: base(), headers })).json();
      const open = (await app.inject({ url: `${base()}?status=open`, headers })).json();
      expect(all.items.some((i: { status: string }) => i.status === 'concluded')).toBe(true);
      expect(open.total).toBe(all.total - 1);
      expect(open.items.map((i: { status: string }) => i.status)).not.toContain('concluded');
      expect((await app.inject({ url: `${base()}?status=finished`, headers })).statusCode).toBe(400);
    });

    it('counts overdue and due-this-week applications for the inbox', async () => {
      const res = await app.inject({ url: `/api/agencies/${org.agencyX.id}/deadlines/summary`, headers });
      expect(res.json()).toEqual({
        today: '2026-03-20',
        open: 3,
        overdue: 1,
        dueThisWeek: 1,
        provisional: 0,
      });
    });

    it('shows the applicant only to the handling agency, and the supervisor nothing personal anywhere', async () => {
      const list = (await app.inject({ url: base(), headers })).json();
      const one = list.items[0].id;
      const mine = await app.inject({ url: `${base()}/${one}/applicant`, headers });
      // The type was not given: inferred from the valid 身份证 number.
      expect(mine.json()).toEqual({ ...TEST_APPLICANT, idType: 'resident-id', idTypeLabel: '居民身份证' });
      expect(mine.headers['cache-control']).toBe('no-store');
      const sup = await sessionHeaders(t.db, supervisor, clock.now());
      expect((await app.inject({ url: `${base()}/${one}/applicant`, headers: sup })).statusCode).toBe(403);
      for (const url of [base(), `${base()}/${one}`, `/api/agencies/${org.agencyX.id}/deadlines/summary`]) {
        const res = await app.inject({ url, headers: sup });
        expect(res.statusCode).toBe(200);
        expectNoPersonalData(res.body);
      }
      const audit = await listAuditEntries(t.db, 'application', one);
      expectNoPersonalData(JSON.stringify(audit));
    });
  });
});
