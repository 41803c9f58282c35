import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestReportVersion } from '../../../test/support/report-records.ts';
import { snapshotStore } from '../../../test/support/server-db-snapshot.ts';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  registrationBody,
  sessionHeaders,
  TEST_PASSWORD,
  type TestOrganisation,
} from '../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../test/support/server-test-app.ts';
import { applicationInput, TEST_ACTOR } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { momentOf } from '../../core/moment.ts';
import type { User } from '../../core/organisation/user.ts';
import { registerApplication } from '../../use-cases/applications/register-application.ts';
import { createWorkRecord } from '../../use-cases/work-records/create-work-record.ts';

/**
 * Bad input on every write route: malformed JSON, wrong types, unknown keys and enum values,
 * impossible dates, oversize bodies. Each is refused with 4xx and a Chinese message, and the
 * store is exactly as before.
 */

const clock = new TestClock('2025-03-03');
let app: FastifyInstance;
let org: TestOrganisation;
let officer: User;
let admin: User;
let applicationId: string;
let target: User;
let draftReport: { id: string; revision: number };
let publishedReport: { id: string; revision: number };
let workRecordId: string;

const CHINESE = /[\u4e00-\u9fff]/;

interface WriteRoute {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT';
  url: () => string;
  as: () => User | null;
  body: () => Record<string, unknown>;
  /** Bodies that are well-formed JSON but must be refused (enum values, dates …). */
  invalid: Array<[string, () => unknown]>;
  /** Largest body the route accepts. */
  limit: number;
}

const MiB = 1024 * 1024;

const MEETING = {
  kind: 'meeting',
  data: { kind: 'specialMeeting', heldOn: '2025-02-18', topic: '研究政务公开' },
};
const OPEN_DAY = {
  kind: 'evaluation',
  data: {
    kind: 'openDay',
    theme: '开放日',
    heldOn: '2025-02-01',
    endsOn: null,
    participants: 30,
    formsHandedOut: 30,
    suggestions: [
      { content: '建议', receivedOn: '2025-02-01', handling: 'adopted', handledOn: '2025-02-10' },
    ],
  },
};
const PROPOSAL = {
  kind: 'proposal',
  data: {
    kind: 'cppccProposal',
    role: 'lead',
    number: '第8号',
    title: '提案',
    year: 2025,
    receivedOn: '2025-01-10',
    concludedOn: '2025-02-20',
    satisfactionPercent: 100,
    resultPublishedOn: '2025-02-25',
  },
};
const CHANNEL = {
  kind: 'channel',
  data: {
    kind: 'website',
    name: '门户网站',
    openedOn: '2015-01-01',
    filedWith: '网信办',
    filedOn: '2015-02-01',
  },
};
const INTERPRETATION = {
  kind: 'interpretation',
  data: {
    documentTitle: '《办法》',
    normativeDocumentId: null,
    disclosureId: null,
    forms: ['text'],
    publishedOn: '2025-02-01',
    byDraftingOffice: true,
  },
};
const withData = (record: { kind: string; data: object }, change: Record<string, unknown>) => ({
  ...record,
  data: { ...record.data, ...change },
});

const routes: WriteRoute[] = [
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    url: () => '/api/auth/login',
    as: () => null,
    body: () => ({ username: officer.username, password: TEST_PASSWORD }),
    invalid: [['empty username', () => ({ username: '', password: 'x' })]],
    limit: MiB,
  },
  {
    name: 'POST /api/auth/password',
    method: 'POST',
    url: () => '/api/auth/password',
    as: () => officer,
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password' }),
    invalid: [['short new password', () => ({ currentPassword: TEST_PASSWORD, newPassword: 'short' })]],
    limit: MiB,
  },
  {
    name: 'POST /api/auth/tokens',
    method: 'POST',
    url: () => '/api/auth/tokens',
    as: () => officer,
    body: () => ({ name: '脚本' }),
    invalid: [['blank name', () => ({ name: '   ' })]],
    limit: MiB,
  },
  {
    name: 'POST /api/regions',
    method: 'POST',
    url: () => '/api/regions',
    as: () => admin,
    body: () => ({ code: '640599', name: '测试区', level: 'county', parentId: org.cityA.id }),
    invalid: [
      ['unknown level', () => ({ code: '640599', name: '测试区', level: 'village' })],
      ['code with quotes', () => ({ code: "1' OR '1'='1", name: '测试区', level: 'county' })],
    ],
    limit: MiB,
  },
  {
    name: 'POST /api/agencies',
    method: 'POST',
    url: () => '/api/agencies',
    as: () => admin,
    body: () => ({ regionId: org.cityA.id, name: '测试局', kind: 'department' }),
    invalid: [['unknown kind', () => ({ regionId: org.cityA.id, name: '测试局', kind: 'ministry' })]],
    limit: MiB,
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    url: () => '/api/users',
    as: () => admin,
    body: () => ({
      username: 'new.user',
      displayName: '新用户',
      password: TEST_PASSWORD,
      role: 'officer',
      agencyId: org.agencyX.id,
    }),
    invalid: [
      ['unknown role', () => ({ username: 'x.y', displayName: 'x', password: TEST_PASSWORD, role: 'boss' })],
      [
        'officer without agency',
        () => ({ username: 'x.y', displayName: 'x', password: TEST_PASSWORD, role: 'officer' }),
      ],
    ],
    limit: MiB,
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    url: () => `/api/users/${target.id}`,
    as: () => admin,
    body: () => ({ disabled: true }),
    invalid: [
      ['unknown role', () => ({ role: 'boss' })],
      ['nothing to change', () => ({})],
    ],
    limit: MiB,
  },
  {
    name: 'POST /api/agencies/:agencyId/applications',
    method: 'POST',
    url: () => `/api/agencies/${org.agencyX.id}/applications`,
    as: () => officer,
    body: () => registrationBody({ submittedOn: '2025-02-28' }),
    invalid: [
      ['impossible date', () => registrationBody({ submittedOn: '2025-02-30' })],
      ['date after today', () => registrationBody({ submittedOn: '2025-03-04' })],
      ['unknown channel', () => ({ ...registrationBody(), channel: 'pigeon' })],
      ['unknown applicant type', () => ({ ...registrationBody(), applicantType: 'alien' })],
      [
        'confirmation day for a registered letter',
        () => ({
          ...registrationBody({ channel: 'mail-registered', submittedOn: '2025-02-28' }),
          confirmedOn: '2025-02-28',
        }),
      ],
      [
        'online without confirmation day',
        () => registrationBody({ channel: 'online', submittedOn: '2025-02-28' }),
      ],
      ['empty description', () => registrationBody({ description: '  ' })],
    ],
    limit: 64 * 1024,
  },
  {
    name: 'POST /api/agencies/:agencyId/applications/:id/events',
    method: 'POST',
    url: () => `/api/agencies/${org.agencyX.id}/applications/${applicationId}/events`,
    as: () => officer,
    body: () => ({ event: { type: 'correction-requested', on: '2025-03-03' }, expectedVersion: 1 }),
    invalid: [
      [
        'impossible date',
        () => ({ event: { type: 'correction-requested', on: '2025-02-30' }, expectedVersion: 1 }),
      ],
      ['unknown event type', () => ({ event: { type: 'lost', on: '2025-03-03' }, expectedVersion: 1 })],
      [
        'unknown outcome',
        () => ({ event: { type: 'answered', on: '2025-03-03', outcome: 'maybe' }, expectedVersion: 1 }),
      ],
      [
        'extension of 21 days',
        () => ({
          event: {
            type: 'extension',
            approvedOn: '2025-03-03',
            noticeOn: '2025-03-03',
            days: 21,
            approver: '主任',
          },
          expectedVersion: 1,
        }),
      ],
      ['version as text', () => ({ event: { type: 'withdrawn', on: '2025-03-03' }, expectedVersion: '1' })],
      ['event after today', () => ({ event: { type: 'withdrawn', on: '2025-03-04' }, expectedVersion: 1 })],
    ],
    limit: 64 * 1024,
  },
  {
    name: 'POST /api/agencies/:agencyId/reports',
    method: 'POST',
    url: () => `/api/agencies/${org.agencyX.id}/reports`,
    as: () => officer,
    body: () => ({ year: 2022, sections: { problems: '一是……' } }),
    invalid: [
      ['year before the 2021 format', () => ({ year: 2020 })],
      ['year after this year', () => ({ year: 2026 })],
      ['year of an existing report', () => ({ year: 2024 })],
      ['unknown section', () => ({ year: 2022, sections: { preface: '前言' } })],
    ],
    limit: 256 * 1024,
  },
  {
    name: 'PATCH /api/agencies/:agencyId/reports/:id/sections',
    method: 'PATCH',
    url: () => `/api/agencies/${org.agencyX.id}/reports/${draftReport.id}/sections`,
    as: () => officer,
    body: () => ({ problems: '一是……', expectedRevision: draftReport.revision }),
    invalid: [
      ['stale revision', () => ({ problems: '一是……', expectedRevision: draftReport.revision + 7 })],
      ['revision as text', () => ({ problems: '一是……', expectedRevision: '1' })],
      ['nothing to change', () => ({ expectedRevision: draftReport.revision })],
      ['section over 50,000 characters', () => ({ other: '字'.repeat(50_001), expectedRevision: 1 })],
    ],
    limit: 512 * 1024,
  },
  {
    name: 'POST /api/agencies/:agencyId/reports/:id/reassemble',
    method: 'POST',
    url: () => `/api/agencies/${org.agencyX.id}/reports/${publishedReport.id}/reassemble`,
    as: () => officer,
    body: () => ({ expectedRevision: publishedReport.revision }),
    invalid: [['a published report', () => ({ expectedRevision: publishedReport.revision })]],
    limit: MiB,
  },
  {
    name: 'POST /api/agencies/:agencyId/reports/:id/transitions',
    method: 'POST',
    url: () => `/api/agencies/${org.agencyX.id}/reports/${draftReport.id}/transitions`,
    as: () => officer,
    body: () => ({ action: 'approve', reason: null, expectedRevision: draftReport.revision }),
    invalid: [
      ['unknown action', () => ({ action: 'destroy', expectedRevision: 1 })],
      ['approve by an officer', () => ({ action: 'approve', expectedRevision: draftReport.revision })],
      ['publish a draft', () => ({ action: 'publish', expectedRevision: draftReport.revision })],
      [
        'return a draft',
        () => ({ action: 'return', reason: '理由', expectedRevision: draftReport.revision }),
      ],
    ],
    limit: MiB,
  },
  {
    name: 'POST /api/agencies/:agencyId/reports/:id/corrections',
    method: 'POST',
    url: () => `/api/agencies/${org.agencyX.id}/reports/${draftReport.id}/corrections`,
    as: () => officer,
    body: () => ({ reason: '更正' }),
    invalid: [
      ['empty reason', () => ({ reason: '' })],
      ['a reason over 2,000 characters', () => ({ reason: '理'.repeat(2001) })],
      ['a draft', () => ({ reason: '更正' })],
    ],
    limit: MiB,
  },
  {
    name: 'POST /api/agencies/:agencyId/work-records',
    method: 'POST',
    url: () => `/api/agencies/${org.agencyX.id}/work-records`,
    as: () => officer,
    body: () => MEETING,
    invalid: [
      ['unknown kind', () => ({ kind: 'party', data: MEETING.data })],
      ['impossible date', () => withData(MEETING, { heldOn: '2025-02-29' })],
      ['date after today', () => withData(MEETING, { heldOn: '2025-03-04' })],
      [
        'suggestion handled before it was received',
        () =>
          withData(OPEN_DAY, {
            suggestions: [
              { content: '建议', receivedOn: '2025-02-01', handling: 'adopted', handledOn: '2025-01-31' },
            ],
          }),
      ],
      [
        'open week ending before it began',
        () => withData(OPEN_DAY, { kind: 'openWeek', endsOn: '2025-01-31' }),
      ],
      ['negative participants', () => withData(OPEN_DAY, { participants: -1 })],
      ['satisfaction over 100%', () => withData(PROPOSAL, { satisfactionPercent: 100.1 })],
      ['proposal concluded before it was received', () => withData(PROPOSAL, { concludedOn: '2025-01-09' })],
      [
        'result published before it was received',
        () => withData(PROPOSAL, { resultPublishedOn: '2025-01-01' }),
      ],
      ['no interpretation form', () => withData(INTERPRETATION, { forms: [] })],
      ['repeated interpretation form', () => withData(INTERPRETATION, { forms: ['qa', 'qa'] })],
      ['interpretation of no document', () => withData(INTERPRETATION, { normativeDocumentId: 'nope' })],
      ['filed without the filing office', () => withData(CHANNEL, { filedWith: null })],
      [
        'duplicate channel years',
        () =>
          withData(CHANNEL, {
            years: [
              { year: 2024, posts: 1, followers: null },
              { year: 2024, posts: 2, followers: null },
            ],
          }),
      ],
      [
        'year out of range',
        () => ({ kind: 'task', data: { year: 1990, position: 1, title: '任务', implementation: '' } }),
      ],
      ['year that does not match', () => ({ ...MEETING, year: 2024 })],
    ],
    limit: 512 * 1024,
  },
  {
    name: 'PUT /api/agencies/:agencyId/work-records/:id',
    method: 'PUT',
    url: () => `/api/agencies/${org.agencyX.id}/work-records/${workRecordId}`,
    as: () => officer,
    body: () => ({ ...MEETING, expectedVersion: 1 }),
    invalid: [
      ['stale version', () => ({ ...MEETING, expectedVersion: 7 })],
      ['version as text', () => ({ ...MEETING, expectedVersion: '1' })],
      ['another kind', () => ({ ...PROPOSAL, expectedVersion: 1 })],
      ['impossible date', () => ({ ...withData(MEETING, { heldOn: '2025-13-01' }), expectedVersion: 1 })],
    ],
    limit: 512 * 1024,
  },
  {
    name: 'POST /api/public/track',
    method: 'POST',
    url: () => '/api/public/track',
    as: () => null,
    body: () => ({ agencyId: org.agencyX.id, trackingNumber: '2025-0001', code: 'AAAA-BBBB-CCCC-DDDD' }),
    invalid: [['missing code', () => ({ agencyId: org.agencyX.id, trackingNumber: '2025-0001' })]],
    limit: 4 * 1024,
  },
];

describeEachDialect('bad input on every write route', (t) => {
  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    org = await createTestOrganisation(app.db);
    officer = await createTestUser(app.db, 'officer', { agencyId: org.agencyX.id });
    admin = await createTestUser(app.db, 'admin');
    target = await createTestUser(app.db, 'reviewer', { agencyId: org.agencyX.id });
    const { application } = await app.db
      .transaction()
      .execute((trx) =>
        registerApplication(
          trx,
          applicationInput(org.agencyX.id, { submittedOn: '2025-02-27' }),
          TEST_ACTOR,
          momentOf(clock.now()),
        ),
      );
    applicationId = application.id;
    draftReport = await insertTestReportVersion(app.db, org.agencyX.id, 2024, 'draft');
    publishedReport = await insertTestReportVersion(app.db, org.agencyX.id, 2023, 'published');
    const record = await app.db
      .transaction()
      .execute((trx) => createWorkRecord(trx, org.agencyX.id, MEETING, TEST_ACTOR, momentOf(clock.now())));
    workRecordId = record.id;
  });
  afterAll(async () => {
    await app.close();
  });

  async function headersFor(user: User | null): Promise<Headers> {
    return user ? sessionHeaders(app.db, user, clock.now()) : {};
  }

  describe.each(routes)('$name', (route) => {
    async function expectRefused(
      payload: string | Record<string, unknown> | unknown,
      status: number | RegExp,
    ) {
      const headers = await headersFor(route.as());
      const before = await snapshotStore(app.db);
      const res = await app.inject({
        method: route.method,
        url: route.url(),
        headers: { ...headers, 'content-type': 'application/json' },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      if (typeof status === 'number') expect(res.statusCode).toBe(status);
      else expect(String(res.statusCode)).toMatch(status);
      expect(res.json().message).toMatch(CHINESE);
      expect(await snapshotStore(app.db)).toEqual(before);
      return res;
    }

    it('refuses malformed JSON', async () => {
      const res = await expectRefused('{"a": ', 400);
      expect(res.json()).toEqual({ code: 'INVALID_INPUT', message: '请求体不是有效的 JSON' });
    });

    it('refuses a body that is not an object, and fields of the wrong type', async () => {
      await expectRefused('[1, 2, 3]', 400);
      const body = route.body();
      for (const key of Object.keys(body)) {
        const res = await expectRefused({ ...body, [key]: { nested: [12345] } }, 400);
        expect(res.json().code).toBe('INVALID_INPUT');
      }
    });

    it('refuses unknown fields', async () => {
      const res = await expectRefused({ ...route.body(), isAdmin: true }, 400);
      expect(res.json().message).toMatch(/isAdmin|未知|无法识别/);
    });

    it('refuses a NUL character in any text field (PostgreSQL cannot store one)', async () => {
      const body = route.body();
      const texts = Object.keys(body).filter((key) => typeof body[key] === 'string');
      for (const key of texts) {
        const res = await expectRefused({ ...body, [key]: 'a\u0000b' }, 400);
        expect(res.json().message).toContain('空字符');
      }
    });

    it.each(route.invalid)('refuses %s', async (_name, body) => {
      await expectRefused(body(), /^4\d\d$/);
    });

    it('refuses a body over its size limit with 413', async () => {
      const res = await expectRefused({ ...route.body(), padding: 'x'.repeat(route.limit + 1) }, 413);
      expect(res.json()).toEqual({ code: 'BODY_TOO_LARGE', message: '请求内容过大' });
    });
  });

  describe('hostile text', () => {
    const script = '<script>alert("x")</script>';
    const sql = "Robert'); DROP TABLE applicants;--";

    it('is stored verbatim, returned as inert JSON, and never executed', async () => {
      const headers = await headersFor(officer);
      const description = `${script} ${sql} 1' OR '1'='1`;
      const res = await app.inject({
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/applications`,
        headers,
        payload: registrationBody({
          submittedOn: '2025-03-03',
          description,
          applicant: { name: sql, phone: script },
        }),
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).not.toContain('<script>');
      expect(res.body).toContain('\\u003cscript\\u003e');
      const { id } = res.json().application;
      expect(res.json().application.description).toBe(description);
      const applicant = await app.inject({
        url: `/api/agencies/${org.agencyX.id}/applications/${id}/applicant`,
        headers,
      });
      expect(applicant.json()).toMatchObject({ name: sql, phone: script });
      const search = await app.inject({
        url: `/api/agencies/${org.agencyX.id}/applications?q=${encodeURIComponent("1' OR '1'='1")}`,
        headers,
      });
      expect(search.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
      const all = await app.inject({ url: `/api/agencies/${org.agencyX.id}/applications`, headers });
      expect(all.json().total).toBe(2);
    });

    it('finds nothing with LIKE wildcards or quotes in the search, instead of everything', async () => {
      const headers = await headersFor(officer);
      for (const q of ['%', '_', "'", '" OR 1=1 --']) {
        const res = await app.inject({
          url: `/api/agencies/${org.agencyX.id}/applications?q=${encodeURIComponent(q)}`,
          headers,
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().total).toBeLessThanOrEqual(1);
      }
    });
  });
});
