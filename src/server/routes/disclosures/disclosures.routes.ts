import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DisclosureActor } from '../../../core/disclosures/disclosure.ts';
import { AppError } from '../../../core/errors.ts';
import { getDisclosure, listDisclosures } from '../../../store/disclosures/disclosures.repository.ts';
import { applyDisclosureItemStep } from '../../../use-cases/disclosures/apply-disclosure-item-step.ts';
import { draftDisclosureItem } from '../../../use-cases/disclosures/draft-disclosure-item.ts';
import { editDisclosureItem } from '../../../use-cases/disclosures/edit-disclosure-item.ts';
import { authorizeAgency } from '../../access/authorize-agency.ts';
import { type AuthUser, actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { presentDisclosure } from '../../presenters/disclosure.presenter.ts';
import { agencyParams, errorResponses } from '../common.schema.ts';
import {
  disclosureContentBody,
  disclosureListResponse,
  disclosureParams,
  disclosureSchema,
  disclosureStepBody,
  editDisclosureBody,
  listDisclosuresQuery,
} from './disclosures.schema.ts';

/** The answer of a route that changes one item. */
const changedItemResponses = { 200: disclosureSchema, ...errorResponses(400, 401, 403, 404, 409) };

function disclosureActor(user: AuthUser): DisclosureActor {
  return { userId: user.id, label: actorOf(user).label, role: user.role };
}

/**
 * The proactive disclosure register (主动公开) of an agency: draft, edit, review chain, publish.
 * Who may take which step is the access policy's (core/access: officer drafts and publishes;
 * reviewers approve, the leader being another reviewer than the section head, which the core's
 * review chain checks); the agency scope is the 'disclosure' resource's.
 */
export async function registerDisclosureRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** The signed-in user, once the policy lets them handle the agency's disclosures. */
  async function handlingUser(request: FastifyRequest, agencyId: string): Promise<AuthUser> {
    const user = requireUser(request);
    await authorizeAgency(app.db, user, agencyId, 'disclosure', 'handle');
    return user;
  }

  api.post(
    '/agencies/:agencyId/disclosures',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['disclosures'],
        summary: '拟稿登记一条主动公开信息（经办人）',
        params: agencyParams,
        body: disclosureContentBody,
        response: { 201: disclosureSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { agencyId } = request.params;
      const user = await handlingUser(request, agencyId);
      const now = currentMoment(app);
      const body = request.body;
      const item = await app.db.transaction().execute((trx) =>
        draftDisclosureItem(
          trx,
          agencyId,
          {
            ...body,
            documentNumber: body.documentNumber ?? null,
            attributeReason: body.attributeReason ?? null,
          },
          disclosureActor(user),
          now,
        ),
      );
      return reply.status(201).send(presentDisclosure(item, now.today));
    },
  );

  api.get(
    '/agencies/:agencyId/disclosures',
    {
      schema: {
        tags: ['disclosures'],
        summary: '主动公开信息台账（可按状态、年度、是否超期筛选，分页）',
        params: agencyParams,
        querystring: listDisclosuresQuery,
        response: { 200: disclosureListResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'disclosure', 'read');
      const { status, overdue, year, limit, offset } = request.query;
      const today = currentMoment(app).today;
      const list = await listDisclosures(
        app.db,
        agencyId,
        {
          ...(status !== undefined ? { status } : {}),
          ...(overdue !== undefined ? { overdueOn: today } : {}),
          ...(year !== undefined ? { year } : {}),
        },
        { limit, offset },
      );
      return {
        items: list.items.map((d) => presentDisclosure(d, today)),
        total: list.total,
        limit,
        offset,
        today,
      };
    },
  );

  api.get(
    '/agencies/:agencyId/disclosures/:id',
    {
      schema: {
        tags: ['disclosures'],
        summary: '一条主动公开信息：审核链、保密审查记录、第二十六条期限',
        params: disclosureParams,
        response: { 200: disclosureSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'disclosure', 'read');
      const item = await getDisclosure(app.db, agencyId, id);
      if (!item) throw new AppError('NOT_FOUND', '主动公开信息不存在');
      return presentDisclosure(item, currentMoment(app).today);
    },
  );

  api.put(
    '/agencies/:agencyId/disclosures/:id',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['disclosures'],
        summary: '修改拟稿（经办人；提交审核后、发布后不能修改）',
        params: disclosureParams,
        body: editDisclosureBody,
        response: changedItemResponses,
      },
    },
    async (request) => {
      const { agencyId, id } = request.params;
      const user = await handlingUser(request, agencyId);
      const now = currentMoment(app);
      const { content, expectedVersion } = request.body;
      const item = await app.db.transaction().execute((trx) =>
        editDisclosureItem(
          trx,
          agencyId,
          id,
          {
            ...content,
            documentNumber: content.documentNumber ?? null,
            attributeReason: content.attributeReason ?? null,
          },
          expectedVersion,
          disclosureActor(user),
          now,
        ),
      );
      return presentDisclosure(item, now.today);
    },
  );

  api.post(
    '/agencies/:agencyId/disclosures/:id/steps',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['disclosures'],
        summary: '审核链的一步：提交、科室审核（含保密审查）、领导审批、退回、发布',
        params: disclosureParams,
        body: disclosureStepBody,
        response: changedItemResponses,
      },
    },
    async (request) => {
      const { agencyId, id } = request.params;
      const user = await handlingUser(request, agencyId);
      const now = currentMoment(app);
      const { step, expectedVersion } = request.body;
      const item = await app.db
        .transaction()
        .execute((trx) =>
          applyDisclosureItemStep(trx, agencyId, id, step, expectedVersion, disclosureActor(user), now),
        );
      return presentDisclosure(item, now.today);
    },
  );
}
