import type { InjectOptions } from 'fastify';
import { momentOf } from '../../src/core/moment.ts';
import type { StoreDb } from '../../src/store/dialect.ts';
import { createWorkRecord } from '../../src/use-cases/work-records/create-work-record.ts';
import { TEST_ACTOR } from './store-factories.ts';
import { sampleWorkRecords } from './work-record-samples.ts';

/**
 * The rows of src/server/routes/authorization.test.ts for the work-record routes (kept here so
 * that file gains one line). `statuses(allowed, ok, others)` is that file's `statuses`.
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
  regionCode: () => string;
  now: () => Date;
  statuses: (
    allowed: readonly Caller[],
    ok: number,
    others?: Partial<Record<Caller, number>>,
  ) => Record<Caller, number>;
}

export function workAuthorizationRows(ctx: Context) {
  const HANDLERS = ['officer', 'reviewer', 'apiToken'] as const;
  const READERS = ['officer', 'reviewer', 'supervisor', 'admin', 'apiToken'] as const;
  const OFFICE = ['supervisor', 'admin'] as const;
  const base = () => `/api/agencies/${ctx.agencyId()}/work-records`;
  const meeting = sampleWorkRecords().meeting;
  const newRecord = () =>
    ctx
      .db()
      .transaction()
      .execute((trx) => createWorkRecord(trx, ctx.agencyId(), meeting, TEST_ACTOR, momentOf(ctx.now())));

  return [
    {
      route: 'POST /api/agencies/:agencyId/work-records',
      request: async (): Promise<InjectOptions> => ({ method: 'POST', url: base(), payload: meeting }),
      expect: ctx.statuses(HANDLERS, 201),
    },
    {
      route: 'GET /api/agencies/:agencyId/work-records',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}?kind=meeting` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'GET /api/agencies/:agencyId/work-records/:id',
      request: async (): Promise<InjectOptions> => ({ url: `${base()}/${(await newRecord()).id}` }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'PUT /api/agencies/:agencyId/work-records/:id',
      request: async (): Promise<InjectOptions> => ({
        method: 'PUT',
        url: `${base()}/${(await newRecord()).id}`,
        payload: { ...meeting, expectedVersion: 1 },
      }),
      expect: ctx.statuses(HANDLERS, 200),
    },
    {
      route: 'DELETE /api/agencies/:agencyId/work-records/:id',
      request: async (): Promise<InjectOptions> => ({
        method: 'DELETE',
        url: `${base()}/${(await newRecord()).id}?expectedVersion=1`,
      }),
      expect: ctx.statuses(HANDLERS, 204),
    },
    {
      route: 'GET /api/agencies/:agencyId/work-records-of-year/:year',
      request: async (): Promise<InjectOptions> => ({
        url: `/api/agencies/${ctx.agencyId()}/work-records-of-year/2025`,
      }),
      expect: ctx.statuses(READERS, 200),
    },
    {
      route: 'GET /api/region/regions/:code/years/:year/work',
      request: async (): Promise<InjectOptions> => ({
        url: `/api/region/regions/${ctx.regionCode()}/years/2025/work`,
      }),
      expect: ctx.statuses(OFFICE, 200),
    },
  ];
}
