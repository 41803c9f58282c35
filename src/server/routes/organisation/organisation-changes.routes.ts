import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Moment } from '../../../core/moment.ts';
import type { Actor } from '../../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../../store/dialect.ts';
import { formerNamesOf } from '../../../store/organisation/agency-history.repository.ts';
import { closeAgency } from '../../../use-cases/organisation/close-agency.ts';
import { closeRegion } from '../../../use-cases/organisation/close-region.ts';
import { renameAgency } from '../../../use-cases/organisation/rename-agency.ts';
import { renameRegion } from '../../../use-cases/organisation/rename-region.ts';
import { reopenAgency, reopenRegion } from '../../../use-cases/organisation/reopen-organisation-unit.ts';
import { authorize } from '../../access/authorize.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { presentAgency, presentRegion } from '../../presenters/organisation.presenter.ts';
import { errorResponses } from '../common.schema.ts';
import {
  agencySchema,
  closeAgencyBody,
  closeBody,
  organisationIdParams,
  regionSchema,
  renameAgencyBody,
  renameRegionBody,
} from './organisation.schema.ts';

/**
 * Administrators rename and close (撤销) regions and agencies (机构改革, 区划调整), audited. A closed
 * agency leaves the lists but keeps its records and stays in the statistics of the years before.
 */
export async function registerOrganisationChangeRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 404, 409);

  /** The change, by an administrator, in one transaction (each use-case audits itself). */
  const asAdministrator = <T>(
    request: FastifyRequest,
    change: (trx: StoreTrx, actor: Actor, now: Moment) => Promise<T>,
  ): Promise<T> => {
    const user = requireUser(request);
    authorize(user, 'organisation', 'administer');
    const now = currentMoment(app);
    return app.db.transaction().execute((trx) => change(trx, actorOf(user), now));
  };

  const agencyReply = async (agency: Parameters<typeof presentAgency>[0]) =>
    presentAgency(agency, (await formerNamesOf(app.db, [agency.id])).get(agency.id));

  api.post(
    '/agencies/:id/rename',
    {
      schema: {
        tags: ['organisation'],
        summary: '机关改名（系统管理员；原名称作为曾用名保留，按原名称发布的报告仍对应本机关）',
        params: organisationIdParams,
        body: renameAgencyBody,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request) =>
      agencyReply(
        await asAdministrator(request, (trx, actor, now) =>
          renameAgency(trx, request.params.id, request.body, actor, now),
        ),
      ),
  );

  api.post(
    '/agencies/:id/close',
    {
      schema: {
        tags: ['organisation'],
        summary:
          '撤销机关，或将其合并至另一机关（系统管理员；有未办结申请的不能撤销；记录保留，此前年度的统计仍包括）',
        params: organisationIdParams,
        body: closeAgencyBody,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request) =>
      agencyReply(
        await asAdministrator(request, (trx, actor, now) =>
          closeAgency(
            trx,
            request.params.id,
            request.body.closedOn,
            actor,
            now,
            request.body.mergedInto ?? null,
          ),
        ),
      ),
  );

  api.post(
    '/agencies/:id/reopen',
    {
      schema: {
        tags: ['organisation'],
        summary: '恢复已撤销（或已合并）的机关（系统管理员；合并随之取消）',
        params: organisationIdParams,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request) =>
      agencyReply(
        await asAdministrator(request, (trx, actor, now) => reopenAgency(trx, request.params.id, actor, now)),
      ),
  );

  api.post(
    '/regions/:id/reopen',
    {
      schema: {
        tags: ['organisation'],
        summary: '恢复已撤销的行政区划（系统管理员）',
        params: organisationIdParams,
        response: { 200: regionSchema, ...errors },
      },
    },
    async (request) =>
      presentRegion(
        await asAdministrator(request, (trx, actor, now) => reopenRegion(trx, request.params.id, actor, now)),
      ),
  );

  api.post(
    '/regions/:id/rename',
    {
      schema: {
        tags: ['organisation'],
        summary: '行政区划改名（系统管理员；代码不变）',
        params: organisationIdParams,
        body: renameRegionBody,
        response: { 200: regionSchema, ...errors },
      },
    },
    async (request) =>
      presentRegion(
        await asAdministrator(request, (trx, actor, now) =>
          renameRegion(trx, request.params.id, request.body.name, actor, now),
        ),
      ),
  );

  api.post(
    '/regions/:id/close',
    {
      schema: {
        tags: ['organisation'],
        summary: '撤销行政区划（系统管理员；其下机关和下级行政区划须先撤销）',
        params: organisationIdParams,
        body: closeBody,
        response: { 200: regionSchema, ...errors },
      },
    },
    async (request) =>
      presentRegion(
        await asAdministrator(request, (trx, actor, now) =>
          closeRegion(trx, request.params.id, request.body.closedOn, actor, now),
        ),
      ),
  );
}
