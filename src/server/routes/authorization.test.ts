import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { recordsAuthorizationRows } from '../../../test/support/records-authorization-rows.ts';
import { enterTestFigures, insertTestReportVersion } from '../../../test/support/report-records.ts';
import { reportToText } from '../../../test/support/report-to-text.ts';
import { ROUTE_ACCESS, type RouteAccess } from '../../../test/support/route-access-table.ts';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  registrationBody,
  sessionHeaders,
  TEST_PASSWORD,
  type TestOrganisation,
  tokenHeaders,
} from '../../../test/support/server-factories.ts';
import { buildServerTestApp, TestClock } from '../../../test/support/server-test-app.ts';
import { applicationInput, TEST_ACTOR } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { workAuthorizationRows } from '../../../test/support/work-authorization-rows.ts';
import { decide, type Resource } from '../../core/access/access-policy.ts';
import type { ResourceFacts } from '../../core/access/access-rules.ts';
import { momentOf } from '../../core/moment.ts';
import type { Region } from '../../core/organisation/region.ts';
import type { User } from '../../core/organisation/user.ts';
import { readReportDocument } from '../../documents/ingest/read-document.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { saveImportBatch } from '../../store/imports/import-batches.ts';
import { planImport } from '../../store/imports/import-plan.ts';
import { saveAgencyClosure, saveRegionClosure } from '../../store/organisation/agency-history.repository.ts';
import { createAgency, createRegion } from '../../store/organisation/organisation.repository.ts';
import { createApiToken } from '../../store/users/api-tokens.repository.ts';
import { recordApplicationEvent } from '../../use-cases/applications/record-application-event.ts';
import { registerApplication } from '../../use-cases/applications/register-application.ts';
import { commitImport } from '../../use-cases/imports/commit-import.ts';

/**
 * Every route × every kind of caller → the status it gets. Each request is built afresh (a new
 * session, a new application, a unique name) so that the order of the rows does not matter.
 */

const ROLES = [
  'anonymous',
  'officer',
  'officerOther',
  'reviewer',
  'supervisor',
  'supervisorOther',
  'admin',
  'apiToken',
] as const;
type Caller = (typeof ROLES)[number];

/**
 * More scopes for the matrix generated from the access policy (below): an officer of another
 * agency in agency X's county, a supervisor of that county (agency X's own region), and one of the
 * province above city A.
 */
const SCOPES = ['officerSameRegion', 'supervisorCounty', 'supervisorProvince'] as const;
type Principal = Caller | (typeof SCOPES)[number];
const PRINCIPALS: readonly Principal[] = [...ROLES, ...SCOPES];

const clock = new TestClock('2026-06-30T02:00:00.000Z');
let app: FastifyInstance;
let db: StoreDb;
let org: TestOrganisation;
let province: Region;
const users = {} as Record<Exclude<Principal, 'anonymous' | 'apiToken'>, User>;
let patchTarget: User;
let resetTarget: User;

const userOf = (caller: Principal): User | null =>
  caller === 'anonymous' ? null : caller === 'apiToken' ? users.officer : users[caller];

async function headersOf(caller: Principal): Promise<Headers> {
  if (caller === 'anonymous') return {};
  if (caller === 'apiToken') return tokenHeaders(db, users.officer);
  return sessionHeaders(db, users[caller], clock.now());
}

const unique = () => randomBytes(3).toString('hex');

async function newApplication() {
  const moment = momentOf(clock.now());
  return db
    .transaction()
    .execute((trx) => registerApplication(trx, applicationInput(org.agencyX.id), TEST_ACTOR, moment));
}

interface Row {
  route: string;
  request: (caller: Principal) => Promise<InjectOptions>;
  expect: Record<Caller, number>;
}

/** Expected statuses, given as the status of everyone who may and the status of everyone else. */
function statuses(allowed: readonly Caller[], ok: number, others: Partial<Record<Caller, number>> = {}) {
  return Object.fromEntries(
    ROLES.map((r) => [r, others[r] ?? (allowed.includes(r) ? ok : r === 'anonymous' ? 401 : 403)]),
  ) as Record<Caller, number>;
}

const EVERYONE = ROLES;
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
const BROWSER = ROLES.filter((r) => r !== 'anonymous' && r !== 'apiToken');
const HANDLERS = ['officer', 'reviewer', 'apiToken'] as const;
const READERS = ['officer', 'reviewer', 'supervisor', 'admin', 'apiToken'] as const;

const fixture = (path: string) =>
  readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url), 'utf8');
const report = JSON.parse(fixture('seeds/002.report.json'));
const reportText = fixture('seeds/002.txt');

/** The supervising office (region routes, imports, exports): a supervisor of city A (above agency X) and admins. */
const OFFICE = ['supervisor', 'admin'] as const;

async function newImportBatch(): Promise<string> {
  const batch = await saveImportBatch(db, org.cityA.id, {}, [], TEST_ACTOR, momentOf(clock.now()));
  return batch.id;
}

let reportOfX: string | undefined;
/** A published report of agency X, imported once. */
async function importedReportOfX(): Promise<string> {
  if (reportOfX) return reportOfX;
  const text = reportToText(generateValidReport(77, { agency: '甲县数据局', year: 2024 }));
  const plan = await planImport(
    db,
    (bytes, name) => readReportDocument(bytes, name),
    [{ name: `x-${unique()}.txt`, read: () => new TextEncoder().encode(`${text}\n${unique()}\n`) }],
    { regionId: org.cityA.id },
  );
  const summary = await db
    .transaction()
    .execute((trx) => commitImport(trx, randomUUID(), org.cityA.id, plan, TEST_ACTOR, momentOf(clock.now())));
  reportOfX = summary.files[0]!.reportId!;
  return reportOfX;
}

/** Each saved arrangement takes a year of its own (far from the years the other rows count in). */
let calendarYear = 2060;

const rows: Row[] = [
  {
    route: 'POST /api/imports',
    request: async () => ({
      method: 'POST',
      url: `/api/imports?region=${org.cityA.code}&filename=r.txt`,
      headers: { 'content-type': 'text/plain' },
      payload: `${reportToText(generateValidReport(5, { agency: '甲县数据局', year: 2024 }))}\n${unique()}\n`,
    }),
    expect: statuses(OFFICE, 201),
  },
  {
    route: 'GET /api/imports/:batchId',
    request: async () => ({ url: `/api/imports/${await newImportBatch()}` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'POST /api/imports/:batchId/confirm',
    request: async () => ({ method: 'POST', url: `/api/imports/${await newImportBatch()}/confirm` }),
    expect: statuses(OFFICE, 202),
  },
  {
    route: 'POST /api/imports/:batchId/cancel',
    request: async () => ({ method: 'POST', url: `/api/imports/${await newImportBatch()}/cancel` }),
    expect: statuses(OFFICE, 204),
  },
  {
    route: 'GET /api/region/regions/:code/years/:year',
    request: async () => ({ url: `/api/region/regions/${org.cityA.code}/years/2025` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'GET /api/region/regions/:code/years/:year/summary',
    request: async () => ({ url: `/api/region/regions/${org.cityA.code}/years/2024/summary?format=md` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'GET /api/public/regions/:code/reports',
    request: async () => ({ url: `/api/public/regions/${org.cityA.code}/reports?year=2024` }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'GET /api/public/reports/:reportId/document',
    request: async () => ({ url: `/api/public/reports/${await importedReportOfX()}/document?format=md` }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'GET /api/public/regions/:code/statistics',
    request: async () => ({ url: `/api/public/regions/${org.cityA.code}/statistics?from=2023&to=2024` }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'GET /api/region/regions/:code/history',
    request: async () => ({ url: `/api/region/regions/${org.cityA.code}/history?from=2023&to=2025` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'GET /api/region/regions/:code/conventions',
    request: async () => ({ url: `/api/region/regions/${org.cityA.code}/conventions` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'PUT /api/region/regions/:code/conventions',
    request: async () => ({
      method: 'PUT',
      url: `/api/region/regions/${org.cityA.code}/conventions`,
      payload: { mixedOutcomes: null },
    }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'GET /api/region/agencies/:agencyId/reports',
    request: async () => ({ url: `/api/region/agencies/${org.agencyX.id}/reports` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'GET /api/region/reports/:reportId',
    request: async () => ({ url: `/api/region/reports/${await importedReportOfX()}` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'GET /api/exports/regions/:code/reports',
    request: async () => ({ url: `/api/exports/regions/${org.cityA.code}/reports?from=2024&format=csv` }),
    expect: statuses(OFFICE, 200),
  },
  {
    route: 'GET /api/health',
    request: async () => ({ url: '/api/health' }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'POST /api/check/report',
    request: async () => ({ method: 'POST', url: '/api/check/report', payload: { report } }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'POST /api/check/document',
    request: async () => ({
      method: 'POST',
      url: '/api/check/document?filename=002.txt',
      headers: { 'content-type': 'text/plain' },
      payload: reportText,
    }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'POST /api/auth/login',
    request: async (c) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: userOf(c)?.username ?? 'nobody', password: TEST_PASSWORD },
    }),
    expect: statuses(SIGNED_IN, 200),
  },
  {
    route: 'POST /api/auth/logout',
    request: async () => ({ method: 'POST', url: '/api/auth/logout' }),
    expect: statuses(EVERYONE, 204),
  },
  {
    route: 'GET /api/session',
    request: async () => ({ url: '/api/session' }),
    expect: statuses(SIGNED_IN, 200),
  },
  {
    route: 'POST /api/auth/password',
    request: async () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
    // The same password is refused once the caller is let in (a real change would end the
    // matrix callers' sessions and revoke their tokens): 400 for those allowed, 401/403 otherwise.
    expect: statuses(BROWSER, 400),
  },
  {
    route: 'POST /api/auth/tokens',
    request: async () => ({ method: 'POST', url: '/api/auth/tokens', payload: { name: `t${unique()}` } }),
    expect: statuses(BROWSER, 201),
  },
  {
    route: 'GET /api/auth/tokens',
    request: async () => ({ url: '/api/auth/tokens' }),
    expect: statuses(BROWSER, 200),
  },
  {
    route: 'DELETE /api/auth/tokens/:id',
    request: async (c) => {
      const owner = userOf(c) ?? users.officer;
      const { apiToken } = await createApiToken(db, owner.id, `t${unique()}`, clock.now());
      return { method: 'DELETE', url: `/api/auth/tokens/${apiToken.id}` };
    },
    expect: statuses(BROWSER, 204),
  },
  {
    route: 'GET /api/regions',
    request: async () => ({ url: '/api/regions' }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'POST /api/regions',
    request: async () => ({
      method: 'POST',
      url: '/api/regions',
      payload: { code: `R${unique()}`, name: `测试区${unique()}`, level: 'county', parentId: org.cityA.id },
    }),
    expect: statuses(['admin'], 201),
  },
  {
    route: 'GET /api/agencies',
    request: async () => ({ url: '/api/agencies' }),
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'POST /api/agencies',
    request: async () => ({
      method: 'POST',
      url: '/api/agencies',
      payload: { regionId: org.cityA.id, name: `测试局${unique()}`, kind: 'department' },
    }),
    expect: statuses(['admin'], 201),
  },
  ...(['rename', 'close', 'reopen'] as const).flatMap((action) => [
    {
      route: `POST /api/agencies/:id/${action}`,
      request: async () => {
        const agency = await createAgency(db, {
          regionId: org.cityA.id,
          name: `撤改局${unique()}`,
          kind: 'department',
        });
        // Only a closed agency can be reopened.
        if (action === 'reopen') await saveAgencyClosure(db, agency.id, '2025-01-01');
        return {
          method: 'POST' as const,
          url: `/api/agencies/${agency.id}/${action}`,
          payload:
            action === 'rename'
              ? { name: `新名局${unique()}`, renamedOn: '2025-01-01' }
              : action === 'close'
                ? { closedOn: '2025-01-01' }
                : {},
        };
      },
      expect: statuses(['admin'], 200),
    },
    {
      route: `POST /api/regions/:id/${action}`,
      request: async () => {
        const region = await createRegion(db, {
          code: `Q${unique()}`,
          name: `撤改区${unique()}`,
          level: 'county',
          parentId: org.cityA.id,
        });
        if (action === 'reopen') await saveRegionClosure(db, region.id, '2025-01-01');
        return {
          method: 'POST' as const,
          url: `/api/regions/${region.id}/${action}`,
          payload:
            action === 'rename'
              ? { name: `新名区${unique()}` }
              : action === 'close'
                ? { closedOn: '2025-01-01' }
                : {},
        };
      },
      expect: statuses(['admin'], 200),
    },
  ]),
  { route: 'GET /api/users', request: async () => ({ url: '/api/users' }), expect: statuses(['admin'], 200) },
  {
    route: 'GET /api/calendar',
    request: async () => ({ url: '/api/calendar' }),
    expect: statuses(SIGNED_IN, 200),
  },
  {
    route: 'POST /api/calendar/parse',
    request: async () => ({
      method: 'POST',
      url: '/api/calendar/parse',
      payload: { text: '国务院办公厅关于2030年部分节假日安排的通知\n一、元旦：1月1日（周二）放假，共1天。' },
    }),
    expect: statuses(['admin'], 200),
  },
  {
    route: 'POST /api/calendar',
    request: async () => {
      calendarYear += 1;
      return {
        method: 'POST',
        url: '/api/calendar',
        payload: {
          schedule: {
            year: calendarYear,
            title: `国务院办公厅关于${calendarYear}年部分节假日安排的通知`,
            documentNumber: null,
            issuedOn: `${calendarYear - 1}-11-01`,
            holidays: [{ name: '元旦', from: `${calendarYear}-01-01`, to: `${calendarYear}-01-01` }],
            makeUpWorkdays: [],
          },
        },
      };
    },
    expect: statuses(['admin'], 201),
  },
  {
    route: 'POST /api/users',
    request: async () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `u.${unique()}`,
        displayName: '新用户',
        password: TEST_PASSWORD,
        role: 'officer',
        agencyId: org.agencyY.id,
      },
    }),
    expect: statuses(['admin'], 201),
  },
  {
    route: 'PATCH /api/users/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/users/${patchTarget.id}`,
      payload: { disabled: false },
    }),
    expect: statuses(['admin'], 200),
  },
  {
    route: 'POST /api/users/:id/password-reset',
    request: async () => ({ method: 'POST', url: `/api/users/${resetTarget.id}/password-reset` }),
    expect: statuses(['admin'], 200),
  },
  {
    route: 'POST /api/agencies/:agencyId/applications',
    request: async () => ({
      method: 'POST',
      url: `/api/agencies/${org.agencyX.id}/applications`,
      payload: registrationBody({ submittedOn: '2026-06-29' }),
    }),
    expect: statuses(HANDLERS, 201),
  },
  {
    route: 'GET /api/agencies/:agencyId/applications',
    request: async () => ({ url: `/api/agencies/${org.agencyX.id}/applications` }),
    expect: statuses(READERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/applications/:id',
    request: async () => {
      const { application } = await newApplication();
      return { url: `/api/agencies/${org.agencyX.id}/applications/${application.id}` };
    },
    expect: statuses(READERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/applications/:id/applicant',
    request: async () => {
      const { application } = await newApplication();
      return { url: `/api/agencies/${org.agencyX.id}/applications/${application.id}/applicant` };
    },
    expect: statuses(HANDLERS, 200),
  },
  {
    route: 'POST /api/agencies/:agencyId/applications/:id/events',
    request: async () => {
      const { application } = await newApplication();
      return {
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/applications/${application.id}/events`,
        payload: { event: { type: 'withdrawn', on: '2026-06-30' }, expectedVersion: application.version },
      };
    },
    expect: statuses(HANDLERS, 200),
  },
  {
    route: 'POST /api/agencies/:agencyId/applications/:id/letters',
    request: async () => {
      // A withdrawn case: its answer letter needs no free text.
      const { application } = await newApplication();
      await db
        .transaction()
        .execute((trx) =>
          recordApplicationEvent(
            trx,
            org.agencyX.id,
            application.id,
            { type: 'withdrawn', on: '2026-06-30' },
            application.version,
            TEST_ACTOR,
            momentOf(clock.now()),
          ),
        );
      return {
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/applications/${application.id}/letters`,
        payload: { kind: 'answer', format: 'html' },
      };
    },
    expect: statuses(HANDLERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/deadlines/summary',
    request: async () => ({ url: `/api/agencies/${org.agencyX.id}/deadlines/summary` }),
    expect: statuses(READERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/applications/timeliness',
    request: async () => ({ url: `/api/agencies/${org.agencyX.id}/applications/timeliness?year=2025` }),
    expect: statuses(READERS, 200),
  },
  {
    route: 'POST /api/agencies/:agencyId/reports',
    request: async () => {
      await db
        .deleteFrom('annual_reports')
        .where('agency_id', '=', org.agencyX.id)
        .where('year', '=', 2024)
        .execute();
      return { method: 'POST', url: `/api/agencies/${org.agencyX.id}/reports`, payload: { year: 2024 } };
    },
    expect: statuses(HANDLERS, 201),
  },
  {
    route: 'GET /api/agencies/:agencyId/reports',
    request: async () => ({ url: `/api/agencies/${org.agencyX.id}/reports` }),
    expect: statuses(READERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/reports/:id',
    request: async () => {
      const { id } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'draft');
      return { url: `/api/agencies/${org.agencyX.id}/reports/${id}` };
    },
    expect: statuses(READERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/reports/published/:year',
    request: async () => {
      await insertTestReportVersion(db, org.agencyX.id, 2025, 'published');
      return { url: `/api/agencies/${org.agencyX.id}/reports/published/2025` };
    },
    expect: statuses(READERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/reports/:id/draft-overview',
    request: async () => {
      const { id } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'draft');
      return { url: `/api/agencies/${org.agencyX.id}/reports/${id}/draft-overview` };
    },
    expect: statuses(READERS, 200),
  },
  {
    route: 'GET /api/agencies/:agencyId/reports/:id/draft-narrative',
    request: async () => {
      const { id } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'draft');
      return { url: `/api/agencies/${org.agencyX.id}/reports/${id}/draft-narrative` };
    },
    expect: statuses(READERS, 200),
  },
  {
    route: 'PATCH /api/agencies/:agencyId/reports/:id/sections',
    request: async () => {
      const { id, revision } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'draft');
      return {
        method: 'PATCH',
        url: `/api/agencies/${org.agencyX.id}/reports/${id}/sections`,
        payload: { problems: '一是栏目更新不及时。', expectedRevision: revision },
      };
    },
    expect: statuses(HANDLERS, 200),
  },
  {
    route: 'POST /api/agencies/:agencyId/reports/:id/reassemble',
    request: async () => {
      const { id, revision } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'draft');
      return {
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/reports/${id}/reassemble`,
        payload: { expectedRevision: revision },
      };
    },
    expect: statuses(HANDLERS, 200),
  },
  {
    route: 'POST /api/agencies/:agencyId/reports/:id/transitions',
    request: async () => {
      const { id, revision } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'draft');
      return {
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/reports/${id}/transitions`,
        payload: { action: 'submit', expectedRevision: revision },
      };
    },
    expect: statuses(HANDLERS, 200),
  },
  {
    route: 'POST /api/agencies/:agencyId/reports/:id/corrections',
    request: async () => {
      const { id } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'published');
      return {
        method: 'POST',
        url: `/api/agencies/${org.agencyX.id}/reports/${id}/corrections`,
        payload: { reason: '更正表三数据' },
      };
    },
    expect: statuses(HANDLERS, 201),
  },
  {
    route: 'GET /api/agencies/:agencyId/reports/:id/document',
    request: async () => {
      const { id } = await insertTestReportVersion(db, org.agencyX.id, 2025, 'draft');
      return { url: `/api/agencies/${org.agencyX.id}/reports/${id}/document?format=html` };
    },
    expect: statuses(READERS, 200),
  },
  {
    route: 'POST /api/public/track',
    request: async () => {
      const { application, followUpCode } = await newApplication();
      return {
        method: 'POST',
        url: '/api/public/track',
        payload: { agencyId: org.agencyX.id, trackingNumber: application.trackingNumber, code: followUpCode },
      };
    },
    expect: statuses(EVERYONE, 200),
  },
  {
    route: 'POST /api/public/agencies/:agencyId/applications',
    request: async () => ({
      method: 'POST',
      url: `/api/public/agencies/${org.agencyX.id}/applications`,
      payload: {
        applicantType: 'naturalPerson',
        applicant: { name: '网上申请人', phone: '13800000000' },
        description: '某项目的环境影响评价批复文件',
        requestedForm: { delivery: ['post'] },
      },
    }),
    expect: statuses(EVERYONE, 201),
  },
  ...recordsAuthorizationRows({
    db: () => db,
    agencyId: () => org.agencyX.id,
    now: () => clock.now(),
    statuses,
  }),
  ...workAuthorizationRows({
    db: () => db,
    agencyId: () => org.agencyX.id,
    regionCode: () => org.cityA.code,
    now: () => clock.now(),
    statuses,
  }),
];

describeEachDialect('authorization matrix', (t) => {
  beforeAll(async () => {
    app = await buildServerTestApp({ store: t, now: clock.now });
    reportOfX = undefined; // each dialect's suite imports its own
    await app.ready();
    db = app.db;
    org = await createTestOrganisation(db);
    users.officer = await createTestUser(db, 'officer', { agencyId: org.agencyX.id });
    users.officerOther = await createTestUser(db, 'officer', { agencyId: org.agencyY.id });
    users.reviewer = await createTestUser(db, 'reviewer', { agencyId: org.agencyX.id });
    users.supervisor = await createTestUser(db, 'supervisor', { regionId: org.cityA.id });
    users.supervisorOther = await createTestUser(db, 'supervisor', { regionId: org.cityB.id });
    users.admin = await createTestUser(db, 'admin');
    patchTarget = await createTestUser(db, 'officer', { agencyId: org.agencyY.id });
    resetTarget = await createTestUser(db, 'officer', { agencyId: org.agencyY.id });
    province = await createRegion(db, { code: `P${unique()}`, name: `测试省${unique()}`, level: 'province' });
    await db.updateTable('regions').set({ parent_id: province.id }).where('id', '=', org.cityA.id).execute();
    const agencyZ = await createAgency(db, {
      regionId: org.countyA1.id,
      name: '甲县财政局',
      kind: 'department',
    });
    users.officerSameRegion = await createTestUser(db, 'officer', { agencyId: agencyZ.id });
    users.supervisorCounty = await createTestUser(db, 'supervisor', { regionId: org.countyA1.id });
    users.supervisorProvince = await createTestUser(db, 'supervisor', { regionId: province.id });
    await enterTestFigures(db, org.agencyX.id, 2025);
    // Eleven password hashes and the app's start: past vitest's 10 s on a machine busy with other suites.
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  describe('authorization', () => {
    it('covers every route of the API', () => {
      expect(rows.map((r) => r.route).sort()).toEqual(documentedRoutes().sort());
    });

    it('has an entry in the access table for every route of the API', () => {
      expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(documentedRoutes().sort());
    });

    describe.each(rows)('$route', (row) => {
      it.each(ROLES)('answers %s as expected', async (caller) => {
        const options = await row.request(caller);
        const headers = { ...(await headersOf(caller)), ...(options.headers as Headers | undefined) };
        const res = await app.inject({ ...options, headers });
        expect({ caller, status: res.statusCode }).toEqual({ caller, status: row.expect[caller] });
        if (res.statusCode === 401 && row.route !== 'POST /api/auth/login') {
          expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
        }
        if (res.statusCode === 403) {
          expect(res.json().code).toBe('FORBIDDEN');
          expect(res.json().message).toMatch(/^无权/);
        }
      });
    });
  });

  // One database is enough for the generated matrix: the exact statuses above run on every dialect.
  // Registered for SQLite only (not skipped on PostgreSQL, so CI counts no skipped test).
  if (t.dialect !== 'sqlite') return;
  describe('route × role × scope, as the access policy says', () => {
    // The report imported above was removed by the assembly row: import a fresh one.
    beforeAll(() => {
      reportOfX = undefined;
    });
    describe.each(rows)('$route', (row) => {
      it.each(PRINCIPALS)('%s', async (principal) => {
        const access = ROUTE_ACCESS[row.route];
        if (access === undefined) throw new Error(`${row.route} has no entry in route-access-table.ts`);
        const expected = verdictOf(access, principal);
        const options = await row.request(principal);
        const headers = { ...(await headersOf(principal)), ...(options.headers as Headers | undefined) };
        const res = await app.inject({ ...options, headers });
        if (expected === 'allowed') {
          expect({ principal, refused: [401, 403].includes(res.statusCode) }).toEqual({
            principal,
            refused: false,
          });
        } else {
          const status = principal === 'anonymous' ? 401 : 403;
          expect({ principal, status: res.statusCode }).toEqual({ principal, status });
          expect(res.json().code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      });
    });
  });
});

/** The routes of the OpenAPI document, as "METHOD /api/path/:param". */
function documentedRoutes(): string[] {
  const paths = (app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

/** What the policy says of `principal` on a route (the facts are the fixture's, not the store's). */
function verdictOf(access: RouteAccess, principal: Principal): 'allowed' | 'refused' {
  if (access === 'public') return 'allowed';
  const user = userOf(principal);
  if (user === null) return 'refused';
  if (access === 'signed-in') return 'allowed';
  if (access === 'browser') return principal === 'apiToken' ? 'refused' : 'allowed';
  const facts: ResourceFacts =
    access.target === 'agencyX'
      ? { agencyId: org.agencyX.id, regionChain: [org.countyA1.id, org.cityA.id, province.id] }
      : access.target === 'cityA'
        ? { regionChain: [org.cityA.id, province.id] }
        : {};
  const allows = ([resource, action]: readonly [Resource, string]) =>
    decide(user, resource, action as never, facts) === 'allowed';
  return access.needs.every(allows) ? 'allowed' : 'refused';
}
