import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import type { Agency } from '../../../core/organisation/agency.ts';
import type { StoreDb } from '../../../store/dialect.ts';
import { formerNamesOf } from '../../../store/organisation/agency-history.repository.ts';
import {
  type AgencyListing,
  getRegion,
  listAgencies,
  listAllRegions,
  listRegions,
} from '../../../store/organisation/organisation.repository.ts';
import { addAgency } from '../../../use-cases/organisation/add-agency.ts';
import { addRegion } from '../../../use-cases/organisation/add-region.ts';
import { authorize } from '../../access/authorize.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { presentAgency, presentRegion } from '../../presenters/organisation.presenter.ts';
import { errorResponses } from '../common.schema.ts';
import {
  agencyListResponse,
  agencySchema,
  createAgencyBody,
  createRegionBody,
  listAgenciesQuery,
  listRegionsQuery,
  regionListResponse,
  regionSchema,
} from './organisation.schema.ts';
import { registerOrganisationChangeRoutes } from './organisation-changes.routes.ts';

async function allAgencies(db: StoreDb, listing: AgencyListing): Promise<Agency[]> {
  const tops = await listRegions(db, null);
  const lists = await Promise.all(tops.map((r) => listAgencies(db, r.id, listing)));
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

/**
 * Regions and agencies. Reading is open to everyone, the public included: the structure of
 * government is information every agency must publish (条例第二十条（二）), and the public
 * tracking form needs the agency. Creating them is for administrators, and audited.
 */
export async function registerOrganisationRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/regions',
    {
      schema: {
        tags: ['organisation'],
        summary: '行政区划（某一级的下级；不填上级则为最上级；all=true 则一次列出全部，上级在前）',
        querystring: listRegionsQuery,
        response: { 200: regionListResponse, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { parentId, all, includeClosed } = request.query;
      if (all === 'true' && parentId !== undefined) {
        throw new AppError('INVALID_INPUT', 'all=true 时不能同时指定 parentId');
      }
      const regions =
        all === 'true'
          ? await listAllRegions(app.db, includeClosed === 'true')
          : await listRegions(app.db, parentId ?? null);
      return { items: regions.map(presentRegion) };
    },
  );

  api.post(
    '/regions',
    {
      schema: {
        tags: ['organisation'],
        summary: '新建行政区划（系统管理员）',
        body: createRegionBody,
        response: { 201: regionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      authorize(user, 'organisation', 'administer');
      const now = app.now();
      const region = await app.db
        .transaction()
        .execute((trx) => addRegion(trx, request.body, actorOf(user), now));
      return reply.status(201).send(presentRegion(region));
    },
  );

  api.get(
    '/agencies',
    {
      schema: {
        tags: ['organisation'],
        summary: '机关（可按行政区划筛选，含下级行政区划的机关）',
        querystring: listAgenciesQuery,
        response: { 200: agencyListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { regionId } = request.query;
      const listing = request.query.includeClosed === 'true' ? 'all' : 'open';
      if (regionId !== undefined && !(await getRegion(app.db, regionId))) {
        throw new AppError('NOT_FOUND', '行政区划不存在');
      }
      const agencies =
        regionId === undefined
          ? await allAgencies(app.db, listing)
          : await listAgencies(app.db, regionId, listing);
      const former = await formerNamesOf(
        app.db,
        agencies.map((a) => a.id),
      );
      return { items: agencies.map((a) => presentAgency(a, former.get(a.id))) };
    },
  );

  api.post(
    '/agencies',
    {
      schema: {
        tags: ['organisation'],
        summary: '新建机关（系统管理员）',
        body: createAgencyBody,
        response: { 201: agencySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      authorize(user, 'organisation', 'administer');
      const now = app.now();
      const agency = await app.db
        .transaction()
        .execute((trx) => addAgency(trx, request.body, actorOf(user), now));
      return reply.status(201).send(presentAgency(agency));
    },
  );

  await registerOrganisationChangeRoutes(app);
}
