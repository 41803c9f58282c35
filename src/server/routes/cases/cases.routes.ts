import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { getCase, listCases } from '../../../store/cases/cases.repository.ts';
import { countTable4 } from '../../../store/cases/count-table4.ts';
import { decideCase } from '../../../use-cases/cases/decide-case.ts';
import { fileCase } from '../../../use-cases/cases/file-case.ts';
import { authorizeAgency } from '../../access/authorize-agency.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { presentCase } from '../../presenters/case.presenter.ts';
import { agencyParams, errorResponses } from '../common.schema.ts';
import {
  caseParams,
  caseSchema,
  decideCaseBody,
  fileCaseBody,
  listCasesQuery,
  table4Response,
  yearParams,
} from './cases.schema.ts';

/** 行政复议 / 行政诉讼 cases about an agency's disclosure work, and table 四 counted from them. */
export async function registerCaseRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/agencies/:agencyId/cases',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['cases'],
        summary: '登记一件行政复议或行政诉讼案件（可关联所涉申请）',
        params: agencyParams,
        body: fileCaseBody,
        response: { 201: caseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'case', 'handle');
      const now = currentMoment(app);
      const stored = await app.db
        .transaction()
        .execute((trx) => fileCase(trx, agencyId, request.body, actorOf(user), now));
      return reply.status(201).send(presentCase(stored));
    },
  );

  api.get(
    '/agencies/:agencyId/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '本机关的行政复议、行政诉讼案件（可按类型、是否审结、年度筛选）',
        params: agencyParams,
        querystring: listCasesQuery,
        response: { 200: caseSchema.array(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'case', 'read');
      const { kind, open, year, limit, offset } = request.query;
      const cases = await listCases(
        app.db,
        agencyId,
        {
          ...(kind !== undefined ? { kind } : {}),
          ...(open !== undefined ? { open: open === 'true' } : {}),
          ...(year !== undefined ? { filedYear: year } : {}),
        },
        { limit, offset },
      );
      return cases.map(presentCase);
    },
  );

  api.get(
    '/agencies/:agencyId/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: '一件行政复议或行政诉讼案件',
        params: caseParams,
        response: { 200: caseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'case', 'read');
      const found = await getCase(app.db, agencyId, id);
      if (!found) throw new AppError('NOT_FOUND', '案件不存在');
      return presentCase(found);
    },
  );

  api.post(
    '/agencies/:agencyId/cases/:id/decision',
    {
      bodyLimit: 4 * 1024,
      schema: {
        tags: ['cases'],
        summary: '登记审结结果（维持、纠正、其他）',
        params: caseParams,
        body: decideCaseBody,
        response: { 200: caseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'case', 'handle');
      const now = currentMoment(app);
      const { result, decidedOn, expectedVersion } = request.body;
      const decided = await app.db
        .transaction()
        .execute((trx) =>
          decideCase(trx, agencyId, id, { result, decidedOn }, expectedVersion, actorOf(user), now),
        );
      return presentCase(decided);
    },
  );

  api.get(
    '/agencies/:agencyId/table4/:year',
    {
      schema: {
        tags: ['cases'],
        summary: '由案件统计的年度报告表四（行政复议、行政诉讼情况）',
        params: yearParams,
        response: { 200: table4Response, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, year } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'case', 'read');
      return { agencyId, year, table4: await countTable4(app.db, agencyId, year) };
    },
  );
}
