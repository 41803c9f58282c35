import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { DisclosureActor } from '../../src/core/disclosures/disclosure.ts';
import { momentOf } from '../../src/core/moment.ts';
import type { StoreDb } from '../../src/store/dialect.ts';
import { getEnforcementFigures } from '../../src/store/table2-sources/enforcement-statistics.repository.ts';
import { fileCase } from '../../src/use-cases/cases/file-case.ts';
import { draftDisclosureItem } from '../../src/use-cases/disclosures/draft-disclosure-item.ts';
import { issueNormativeDocument } from '../../src/use-cases/table2-sources/issue-normative-document.ts';
import { TEST_ACTOR } from './store-factories.ts';

/**
 * The rows of src/server/routes/authorization.test.ts for the records and cases routes (kept here
 * so that file gains one line). `status(allowed, ok, others)` is that file's `statuses`.
 */
type Caller =
  | 'anonymous'
  | 'officer'
  | 'officerOther'
  | 'reviewer'
  | 'supervisor'
  | 'supervisorOther'
  | 'admin'
  | 'apiToken';

interface Context {
  db: () => StoreDb;
  agencyId: () => string;
  now: () => Date;
  statuses: (
    allowed: readonly Caller[],
    ok: number,
    others?: Partial<Record<Caller, number>>,
  ) => Record<Caller, number>;
}

const unique = () => randomBytes(3).toString('hex');
const OFFICER: DisclosureActor = { userId: 'test-officer', label: '测试经办人', role: 'officer' };
const DISCLOSURE = {
  title: '测试主动公开信息',
  category: '政策文件',
  channel: 'website',
  documentNumber: null,
  attribute: 'proactive',
  attributeReason: null,
  createdOn: '2026-06-29',
} as const;

export function recordsAuthorizationRows(ctx: Context) {
  const HANDLERS = ['officer', 'reviewer', 'apiToken'] as const;
  const OFFICERS = ['officer', 'apiToken'] as const;
  const READERS = ['officer', 'reviewer', 'supervisor', 'admin', 'apiToken'] as const;
  const base = () => `/api/agencies/${ctx.agencyId()}`;
  const tx = <T>(
    fn: (trx: Parameters<Parameters<ReturnType<StoreDb['transaction']>['execute']>[0]>[0]) => Promise<T>,
  ) => ctx.db().transaction().execute(fn);
  const moment = () => momentOf(ctx.now());
  const newDisclosure = () =>
    tx((trx) => draftDisclosureItem(trx, ctx.agencyId(), DISCLOSURE, OFFICER, moment()));
  const newDocument = () =>
    tx((trx) =>
      issueNormativeDocument(
        trx,
        ctx.agencyId(),
        {
          kind: 'normative',
          documentNumber: `测试〔2026〕${unique()}号`,
          title: '测试文件',
          issuedOn: '2026-01-05',
        },
        TEST_ACTOR,
        moment(),
      ),
    );
  const newCase = () =>
    tx((trx) =>
      fileCase(trx, ctx.agencyId(), { kind: 'review', filedOn: '2026-06-01' }, TEST_ACTOR, moment()),
    );

  return [
    {
      route: 'POST /api/agencies/:agencyId/disclosures',
      request: async (): Promise<InjectOptions> => ({
        method: 'POST',
        url: `${base()}/disclosures`,
        payload: DISCLOSURE,
      }),
      expect: ctx.statuses(OFFICERS, 201),
    },
    {
      route: 'GET /api/agencies/:agencyId/disclosures',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/disclosures` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'GET /api/agencies/:agencyId/disclosures/:id',
      request: async (): Promise<InjectOptions> => ({
        url: `${base()}/disclosures/${(await newDisclosure()).id}`,
      }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'PUT /api/agencies/:agencyId/disclosures/:id',
      request: async (): Promise<InjectOptions> => ({
        method: 'PUT',
        url: `${base()}/disclosures/${(await newDisclosure()).id}`,
        payload: { content: DISCLOSURE, expectedVersion: 1 },
      }),
      expect: ctx.statuses(OFFICERS, 200),
    },
    {
      route: 'POST /api/agencies/:agencyId/disclosures/:id/steps',
      request: async (): Promise<InjectOptions> => ({
        method: 'POST',
        url: `${base()}/disclosures/${(await newDisclosure()).id}/steps`,
        payload: { step: { type: 'submit' }, expectedVersion: 1 },
      }),
      expect: ctx.statuses(OFFICERS, 200),
    },
    {
      route: 'POST /api/agencies/:agencyId/normative-documents',
      request: async (): Promise<InjectOptions> => ({
        method: 'POST',
        url: `${base()}/normative-documents`,
        payload: {
          kind: 'normative',
          documentNumber: `测试〔2026〕${unique()}号`,
          title: '测试文件',
          issuedOn: '2026-01-05',
        },
      }),
      expect: ctx.statuses(HANDLERS, 201),
    },
    {
      route: 'GET /api/agencies/:agencyId/normative-documents',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/normative-documents` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'GET /api/agencies/:agencyId/normative-documents/:id',
      request: async (): Promise<InjectOptions> => ({
        url: `${base()}/normative-documents/${(await newDocument()).id}`,
      }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'POST /api/agencies/:agencyId/normative-documents/:id/repeal',
      request: async (): Promise<InjectOptions> => ({
        method: 'POST',
        url: `${base()}/normative-documents/${(await newDocument()).id}/repeal`,
        payload: { repealedOn: '2026-06-01', expectedVersion: 1 },
      }),
      expect: ctx.statuses(HANDLERS, 200),
    },
    {
      route: 'GET /api/agencies/:agencyId/enforcement-statistics/:year',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/enforcement-statistics/2025` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'PUT /api/agencies/:agencyId/enforcement-statistics/:year',
      request: async (): Promise<InjectOptions> => {
        const current = await getEnforcementFigures(ctx.db(), ctx.agencyId(), 2025);
        return {
          method: 'PUT',
          url: `${base()}/enforcement-statistics/2025`,
          payload: {
            licensing: 1,
            punishment: 2,
            coercion: 3,
            feesWanYuan: '4.5',
            expectedVersion: current?.version ?? null,
          },
        };
      },
      expect: ctx.statuses(HANDLERS, 200),
    },
    {
      route: 'POST /api/enforcement-statistics/import',
      request: async (): Promise<InjectOptions> => ({
        method: 'POST',
        url: '/api/enforcement-statistics/import',
        headers: { 'content-type': 'text/csv' },
        payload: `机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n${ctx.agencyId()},2024,1,2,3,4\n`,
      }),
      expect: ctx.statuses(HANDLERS, 200),
    },
    {
      route: 'GET /api/agencies/:agencyId/table2/:year',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/table2/2025` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'POST /api/agencies/:agencyId/cases',
      request: async (): Promise<InjectOptions> => ({
        method: 'POST',
        url: `${base()}/cases`,
        payload: { kind: 'litigationDirect', filedOn: '2026-06-01' },
      }),
      expect: ctx.statuses(HANDLERS, 201),
    },
    {
      route: 'GET /api/agencies/:agencyId/cases',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/cases` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'GET /api/agencies/:agencyId/cases/:id',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/cases/${(await newCase()).id}` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'POST /api/agencies/:agencyId/cases/:id/decision',
      request: async (): Promise<InjectOptions> => ({
        method: 'POST',
        url: `${base()}/cases/${(await newCase()).id}/decision`,
        payload: { result: 'upheld', decidedOn: '2026-06-29', expectedVersion: 1 },
      }),
      expect: ctx.statuses(HANDLERS, 200),
    },
    {
      route: 'GET /api/agencies/:agencyId/table4/:year',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/table4/2025` }),
      expect: ctx.statuses(READERS, 200),
    },
  ];
}
