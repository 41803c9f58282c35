import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertRandomApplications } from '../../../../test/support/insert-applications.ts';
import { enterTestFigures, recordFeesCharged } from '../../../../test/support/report-records.ts';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  sessionHeaders,
  type TestOrganisation,
} from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import type { User } from '../../../core/organisation/user.ts';
import { createRegion } from '../../../store/organisation/organisation.repository.ts';

describeEachDialect('annual reports through the API', (t) => {
  const clock = new TestClock('2026-01-12');
  let app: FastifyInstance;
  let org: TestOrganisation;
  const users: Record<string, User> = {};
  const headers: Record<string, Headers> = {};
  const base = () => `/api/agencies/${org.agencyX.id}/reports`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(t.db);
    const otherCity = await createRegion(t.db, { code: `C${Date.now()}`, name: '丙市', level: 'city' });
    const scopes = {
      officer: ['officer', { agencyId: org.agencyX.id }],
      reviewer: ['reviewer', { agencyId: org.agencyX.id }],
      reviewer2: ['reviewer', { agencyId: org.agencyX.id }],
      officerY: ['officer', { agencyId: org.agencyY.id }],
      supervisor: ['supervisor', { regionId: org.cityA.id }],
      supervisorElsewhere: ['supervisor', { regionId: otherCity.id }],
      admin: ['admin', {}],
    } as const;
    for (const [key, [role, scope]] of Object.entries(scopes)) {
      users[key] = await createTestUser(t.db, role, scope);
      headers[key] = await sessionHeaders(t.db, users[key]!, clock.at);
    }
    await insertRandomApplications(t.db, {
      agencyId: org.agencyX.id,
      count: 60,
      seed: 21,
      from: '2025-01-01',
      days: 365,
    });
    await enterTestFigures(t.db, org.agencyX.id, 2025);
    await recordFeesCharged(t.db, org.agencyX.id, 2025);
  });
  afterAll(async () => {
    await app.close();
  });

  const call = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    payload === undefined
      ? app.inject({ method, url, headers: headers[who]! })
      : app.inject({ method, url, headers: headers[who]!, payload });

  let id: string;
  let revision: number;

  it('assembles a draft for the officer, with live findings and the steps allowed', async () => {
    const res = await call('officer', 'POST', base(), { year: 2025 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    id = body.id;
    revision = body.revision;
    expect(body).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      version: 1,
      errorCount: 0,
      deadline: '2026-01-31',
      late: null,
    });
    expect(body.report.table3.newReceived[6]).toBeGreaterThan(30);
    expect(body.findings.some((f: { ruleId: string }) => f.ruleId === 'S-04')).toBe(true); // 五 is empty
    // The counts stored with the row are the live findings' counts.
    const live = body.findings as Array<{ severity: string; assessable: boolean }>;
    expect(body.warningCount).toBe(live.filter((f) => f.assessable && f.severity === 'warning').length);
    expect(body.warningCount).toBeGreaterThan(0);
    expect(body.allowedActions).toEqual(['edit', 'reassemble', 'submit']);
    expect(body.auditTrail.map((e: { action: string }) => e.action)).toEqual(['assemble']);
    expect((await call('officer', 'POST', base(), { year: 2025 })).statusCode).toBe(409);
  });

  it('lets supervisors of the region and admins read, but only the agency write', async () => {
    expect((await call('supervisor', 'GET', `${base()}/${id}`)).statusCode).toBe(200);
    expect((await call('admin', 'GET', base())).json().items).toHaveLength(1);
    const elsewhere = await call('supervisorElsewhere', 'GET', `${base()}/${id}`);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().message).toBe('无权查看该机关的年度报告');
    for (const who of ['supervisor', 'admin', 'officerY']) {
      const res = await call(who, 'PATCH', `${base()}/${id}/sections`, {
        problems: 'x',
        expectedRevision: revision,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toContain('只有本机关的经办人和审核人');
    }
    expect((await app.inject({ method: 'GET', url: base() })).statusCode).toBe(401);
    expect((await call('officer', 'GET', `${base()}/no-such-report`)).statusCode).toBe(404);
  });

  it('saves section edits and refuses a stale revision with 409', async () => {
    const sections = {
      problems: '一是政策解读形式较为单一；二是依申请公开答复文书规范性有待提高。',
      other: '本年度未收取信息处理费。认真落实本年度政务公开工作要点。',
      expectedRevision: revision,
    };
    const res = await call('officer', 'PATCH', `${base()}/${id}/sections`, sections);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report.sections.problems).toBe(sections.problems);
    expect(res.json().findings.some((f: { ruleId: string }) => f.ruleId === 'S-04')).toBe(false);
    const stale = await call('officer', 'PATCH', `${base()}/${id}/sections`, { ...sections, problems: '旧' });
    expect(stale.statusCode).toBe(409);
    revision = res.json().revision;
    const bad = await call('officer', 'PATCH', `${base()}/${id}/sections`, {
      problems: 5,
      expectedRevision: revision,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('re-assembles the numbers of the draft from records added since', async () => {
    await insertRandomApplications(t.db, {
      agencyId: org.agencyX.id,
      count: 5,
      seed: 99,
      from: '2025-03-01',
      days: 10,
    });
    const before = (await call('officer', 'GET', `${base()}/${id}`)).json();
    const res = await call('reviewer', 'POST', `${base()}/${id}/reassemble`, { expectedRevision: revision });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report.table3.newReceived[6]).toBe(before.report.table3.newReceived[6] + 5);
    expect(res.json().findings.some((f: { ruleId: string }) => f.ruleId === 'N-02')).toBe(true); // text now stale
    revision = res.json().revision;
    expect(
      (await call('officer', 'POST', `${base()}/${id}/reassemble`, { expectedRevision: 1 })).statusCode,
    ).toBe(409);
  });

  it('redrafts the statistics paragraphs from the current numbers', async () => {
    const res = await call('officer', 'GET', `${base()}/${id}/draft-overview`);
    expect(res.statusCode).toBe(200);
    expect(res.json().overview).toContain('（一）主动公开');
    expect(res.json().onRequest).toContain('共收到政府信息公开申请');
  });

  it('walks submit → return → submit → approve → publish, refusing the wrong person at each step', async () => {
    const step = async (who: string, action: string, reason?: string) => {
      const res = await call(who, 'POST', `${base()}/${id}/transitions`, {
        action,
        expectedRevision: revision,
        ...(reason !== undefined ? { reason } : {}),
      });
      if (res.statusCode === 200) revision = res.json().revision;
      return res;
    };
    expect((await step('officer', 'approve')).statusCode).toBe(403);
    expect((await step('officer', 'submit')).json().status).toBe('submitted');
    expect((await step('reviewer', 'return')).statusCode).toBe(400); // no reason
    const returned = await step('reviewer', 'return', '请补充第五部分的改进措施');
    expect(returned.json()).toMatchObject({ status: 'draft', returnReason: '请补充第五部分的改进措施' });
    expect((await step('reviewer', 'submit')).json().status).toBe('submitted');
    const own = await step('reviewer', 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toContain('本人提交');
    const approved = await step('reviewer2', 'approve');
    // Approved on 2026-01-12, before the department’s deadline of 31 January: on time if published now.
    expect(approved.json()).toMatchObject({ status: 'approved', lateIfPublishedToday: false });
    clock.set('2026-02-03');
    for (const key of Object.keys(users)) headers[key] = await sessionHeaders(t.db, users[key]!, clock.at);
    const before = await call('officer', 'GET', `${base()}/${id}`);
    expect(before.json()).toMatchObject({ status: 'approved', lateIfPublishedToday: true });
    const published = await step('officer', 'publish');
    expect(published.json()).toMatchObject({
      status: 'published',
      publishedOn: '2026-02-03',
      late: true,
      lateIfPublishedToday: null,
    });
    expect(
      published
        .json()
        .findings.some((f: { ruleId: string; assessable: boolean }) => f.ruleId === 'P-01' && f.assessable),
    ).toBe(true);
    expect(published.json().allowedActions).toEqual(['correct']);
    expect(published.json().auditTrail.map((e: { action: string }) => e.action)).toEqual([
      'assemble',
      'edit-sections',
      'reassemble',
      'submit',
      'return',
      'submit',
      'approve',
      'publish',
    ]);
    const locked = await call('officer', 'PATCH', `${base()}/${id}/sections`, {
      problems: '改',
      expectedRevision: revision,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toContain('已发布的年度报告不能修改');
  });

  it('corrects the published report as version 2; both versions stay readable', async () => {
    expect((await call('officer', 'POST', `${base()}/${id}/corrections`, { reason: '' })).statusCode).toBe(
      400,
    );
    const res = await call('officer', 'POST', `${base()}/${id}/corrections`, { reason: '更正表三个别数据' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, status: 'draft', correctionReason: '更正表三个别数据' });
    const list = (await call('supervisor', 'GET', `${base()}?year=2025`)).json().items;
    expect(list.map((r: { version: number; status: string }) => [r.version, r.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    const v1 = await call('supervisor', 'GET', `${base()}/${id}`);
    expect(v1.json()).toMatchObject({ status: 'published', publishedOn: '2026-02-03' });
    expect((await call('officer', 'GET', `${base()}/${id}`)).json().allowedActions).toEqual([]); // not the newest
    const current = await call('supervisor', 'GET', `${base()}/published/2025`);
    expect(current.json()).toMatchObject({ id, version: 1 }); // v2 is only a draft
    expect((await call('supervisor', 'GET', `${base()}/published/2024`)).statusCode).toBe(404);
  });

  it('renders the report as HTML, Markdown and DOCX, named after the agency and year', async () => {
    const html = await call('supervisor', 'GET', `${base()}/${id}/document?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('三、收到和处理政府信息公开申请情况');
    expect(decodeURIComponent(String(html.headers['content-disposition']))).toContain(
      `${org.agencyX.name}2025年政府信息公开工作年度报告.html`,
    );
    const md = await call('officer', 'GET', `${base()}/${id}/document?format=md`);
    expect(md.body).toContain('一、总体情况');
    const docx = await call('officer', 'GET', `${base()}/${id}/document?format=docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('officer', 'GET', `${base()}/${id}/document?format=rtf`)).statusCode).toBe(400);
  });

  it('refuses to submit a report whose table 二 figures were not entered, naming the errors (422)', async () => {
    const created = await call('officer', 'POST', base(), { year: 2024 });
    expect(created.statusCode).toBe(201);
    expect(created.json().errorCount).toBeGreaterThan(0);
    const res = await call('officer', 'POST', `${base()}/${created.json().id}/transitions`, {
      action: 'submit',
      expectedRevision: created.json().revision,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('INVALID_REPORT');
    expect(res.json().message).toContain('T2-01');
    expect(res.json().details.errors.length).toBe(created.json().errorCount);
  });
});
