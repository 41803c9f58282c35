import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordsTestUsers,
  type RecordsCaller,
  type RecordsTestUsers,
  recordsHeaders,
} from '../../../../test/support/records-test-users.ts';
import { snapshotStore } from '../../../../test/support/server-db-snapshot.ts';
import type { Headers } from '../../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../../test/support/server-test-app.ts';
import { describeEachDialect } from '../../../../test/support/store-test-db.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';

const CONTENT = {
  title: '关于2025年城乡居民医疗保险缴费标准的通知',
  category: '政策文件',
  channel: 'website',
  documentNumber: '卫医保发〔2025〕2号',
  attribute: 'proactive',
  createdOn: '2025-03-03',
};

type StepType = 'submit' | 'sectionApprove' | 'leaderApprove' | 'return' | 'publish';
type Status = 'draft' | 'submitted' | 'sectionApproved' | 'approved' | 'published';

const STEP_BODIES: Record<StepType, Record<string, unknown>> = {
  submit: { type: 'submit' },
  sectionApprove: { type: 'sectionApprove', secrecyConclusion: 'publishable', secrecyNote: '不涉密' },
  leaderApprove: { type: 'leaderApprove' },
  return: { type: 'return', reason: '请核对缴费标准' },
  publish: { type: 'publish', publishedOn: '2025-03-10' },
};

/**
 * Hand-written: for each status and step, the callers who may take it (any reviewer may act as
 * section head; the leader must be another reviewer than the item's section head, sectionHead).
 */
const WHO: Record<Status, Partial<Record<StepType, RecordsCaller[]>>> = {
  draft: { submit: ['officer'] },
  submitted: { sectionApprove: ['sectionHead', 'leader'], return: ['sectionHead', 'leader'] },
  sectionApproved: { leaderApprove: ['leader'], return: ['sectionHead', 'leader'] },
  approved: { publish: ['officer'] },
  published: {},
};
const ROLE_OF: Record<StepType, 'officer' | 'reviewer'> = {
  submit: 'officer',
  sectionApprove: 'reviewer',
  leaderApprove: 'reviewer',
  return: 'reviewer',
  publish: 'officer',
};

describeEachDialect('the proactive disclosure register through the API', (t) => {
  const clock = new TestClock('2025-03-10');
  let app: FastifyInstance;
  let users: RecordsTestUsers;
  let h: Record<RecordsCaller, Headers>;
  const base = () => `/api/agencies/${users.org.agencyX.id}/disclosures`;

  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    users = await createRecordsTestUsers(t.db);
    h = await recordsHeaders(t.db, users, clock.now());
  });
  afterAll(async () => {
    await app.close();
  });

  async function step(id: string, caller: RecordsCaller, type: StepType, expectedVersion: number) {
    return app.inject({
      method: 'POST',
      url: `${base()}/${id}/steps`,
      headers: h[caller],
      payload: { step: STEP_BODIES[type], expectedVersion },
    });
  }

  /** A new item brought to `status` through the API by the right people. */
  async function itemIn(
    status: Status,
    content: Record<string, unknown> = CONTENT,
    publishedOn = '2025-03-10',
  ): Promise<{ id: string; version: number }> {
    const res = await app.inject({ method: 'POST', url: base(), headers: h.officer, payload: content });
    expect(res.statusCode, res.body).toBe(201);
    let { id, version } = res.json();
    const path: Array<[StepType, RecordsCaller]> = [
      ['submit', 'officer'],
      ['sectionApprove', 'sectionHead'],
      ['leaderApprove', 'leader'],
      ['publish', 'officer'],
    ];
    const order: Status[] = ['draft', 'submitted', 'sectionApproved', 'approved', 'published'];
    for (const [type, caller] of path.slice(0, order.indexOf(status))) {
      const r =
        type === 'publish'
          ? await app.inject({
              method: 'POST',
              url: `${base()}/${id}/steps`,
              headers: h[caller],
              payload: { step: { type, publishedOn }, expectedVersion: version },
            })
          : await step(id, caller, type, version);
      expect(r.statusCode, r.body).toBe(200);
      ({ id, version } = r.json());
    }
    return { id, version };
  }

  describe('every step from every status, by every caller', () => {
    const callers: RecordsCaller[] = [
      'officer',
      'sectionHead',
      'leader',
      'officerOther',
      'supervisor',
      'supervisorOther',
      'admin',
    ];
    for (const status of Object.keys(WHO) as Status[]) {
      for (const type of Object.keys(STEP_BODIES) as StepType[]) {
        const allowed = WHO[status][type] ?? [];
        it(`${type} from ${status}: ${allowed.join(', ') || 'nobody'}`, async () => {
          const item = await itemIn(status);
          for (const caller of callers.filter((c) => !allowed.includes(c))) {
            // Outsiders are refused by scope and staff of the wrong role by the chain's rule (403);
            // staff of the right role get 409 when the status does not allow the step, except the
            // section head approving again as leader (403).
            const staff = caller === 'officer' || caller === 'sectionHead' || caller === 'leader';
            const rightRole = staff && (caller === 'officer' ? 'officer' : 'reviewer') === ROLE_OF[type];
            const res = await step(item.id, caller, type, item.version);
            const expected = !rightRole || (allowed.length > 0 && type === 'leaderApprove') ? 403 : 409;
            expect(res.statusCode, `${caller}: ${res.body}`).toBe(expected);
            expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
          }
          const untouched = await app.inject({
            method: 'GET',
            url: `${base()}/${item.id}`,
            headers: h.officer,
          });
          expect(untouched.json().version).toBe(item.version);
          for (const caller of allowed) {
            const fresh = await itemIn(status);
            const res = await step(fresh.id, caller, type, fresh.version);
            expect(res.statusCode, `${caller}: ${res.body}`).toBe(200);
            expect(res.json().version).toBe(fresh.version + 1);
          }
        });
      }
    }
  });

  it('records who reviewed and the 保密审查, flags art. 26 lateness, and audits every step', async () => {
    clock.set('2025-04-01');
    h = await recordsHeaders(t.db, users, clock.now());
    const late = await itemIn('published', { ...CONTENT, createdOn: '2025-03-03' }, '2025-04-01');
    clock.set('2025-03-10');
    h = await recordsHeaders(t.db, users, clock.now());
    const res = await app.inject({ method: 'GET', url: `${base()}/${late.id}`, headers: h.supervisor });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'published',
      statusLabel: '已发布',
      dueOn: '2025-03-31',
      publishedOn: '2025-04-01',
      overdue: true,
      sectionHeadUserId: users.sectionHead.id,
      leaderUserId: users.leader.id,
      secrecyReview: { byUserId: users.sectionHead.id, conclusion: 'publishable', note: '不涉密' },
    });
    expect(body.steps.map((s: { type: string }) => s.type)).toEqual([
      'submit',
      'sectionApprove',
      'leaderApprove',
      'publish',
    ]);
    const actions = (await listAuditEntries(t.db, 'disclosure', late.id)).map((e) => [
      e.action,
      e.actor.userId,
    ]);
    expect(actions).toEqual([
      ['draft', users.officer.id],
      ['step:submit', users.officer.id],
      ['step:sectionApprove', users.sectionHead.id],
      ['step:leaderApprove', users.leader.id],
      ['step:publish', users.officer.id],
    ]);
  });

  it('lists overdue unpublished items for the supervisor of the region, and nobody else outside', async () => {
    clock.set('2025-01-02');
    const old = await itemIn('submitted', { ...CONTENT, createdOn: '2025-01-02' });
    clock.set('2025-03-10');
    const list = await app.inject({
      method: 'GET',
      url: `${base()}?overdue=true&limit=200`,
      headers: h.supervisor,
    });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((d: { id: string }) => d.id);
    expect(ids).toContain(old.id);
    expect(list.json().items.every((d: { overdue: boolean }) => d.overdue)).toBe(true);
    for (const caller of ['officerOther', 'supervisorOther'] as const) {
      expect((await app.inject({ method: 'GET', url: base(), headers: h[caller] })).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: base(), headers: h.admin })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: base() })).statusCode).toBe(401);
  });

  it('edits only drafts, refuses a stale version, and locks published items', async () => {
    const draft = await itemIn('draft');
    const edit = (id: string, expectedVersion: number, content = CONTENT) =>
      app.inject({
        method: 'PUT',
        url: `${base()}/${id}`,
        headers: h.officer,
        payload: { content, expectedVersion },
      });
    const ok = await edit(draft.id, draft.version, { ...CONTENT, title: '修改后的标题' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().title).toBe('修改后的标题');
    expect((await edit(draft.id, draft.version)).statusCode).toBe(409);
    const published = await itemIn('published');
    const locked = await edit(published.id, published.version);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toBe('该信息已发布，不能修改');
    const byReviewer = await app.inject({
      method: 'PUT',
      url: `${base()}/${draft.id}`,
      headers: h.sectionHead,
      payload: { content: CONTENT, expectedVersion: draft.version + 1 },
    });
    expect(byReviewer.statusCode).toBe(403);
  });

  it('refuses bad input with a Chinese message and stores nothing', async () => {
    const before = await snapshotStore(t.db);
    const bad = [
      { ...CONTENT, createdOn: '2025-02-30' },
      { ...CONTENT, createdOn: '2025-03-11' },
      { ...CONTENT, attribute: 'withheld' },
      { ...CONTENT, channel: 'tv' },
      { ...CONTENT, title: '   ' },
      { ...CONTENT, extra: 1 },
    ];
    for (const payload of bad) {
      const res = await app.inject({ method: 'POST', url: base(), headers: h.officer, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/agencies/no-such-agency/disclosures',
      headers: h.officer,
      payload: CONTENT,
    });
    expect(unknown.statusCode).toBe(403);
    const byReviewer = await app.inject({
      method: 'POST',
      url: base(),
      headers: h.sectionHead,
      payload: CONTENT,
    });
    expect(byReviewer.statusCode).toBe(403);
    expect(await snapshotStore(t.db)).toEqual(before);
  });
});
