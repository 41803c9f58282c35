import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyReportTransition } from '../../../use-cases/reports/apply-report-transition.ts';
import { correctReport } from '../../../use-cases/reports/correct-annual-report.ts';
import { reassembleReport } from '../../../use-cases/reports/reassemble-annual-report.ts';
import { saveReportSections } from '../../../use-cases/reports/save-report-sections.ts';
import { authorizeReports } from '../../access/authorize-agency.ts';
import { requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { errorResponses, errorSchema } from '../common.schema.ts';
import { reportActor, reportView } from './report-view.ts';
import {
  correctionBody,
  editSectionsBody,
  reassembleBody,
  reportParams,
  reportResponse,
  transitionBody,
} from './reports.schema.ts';

/** Writing the draft and moving it through the workflow; corrections of published versions. */
export async function registerReportWorkflowRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.patch(
    '/agencies/:agencyId/reports/:id/sections',
    {
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['reports'],
        summary: '修改草稿的第一、五、六部分正文（只改所给的部分）',
        params: reportParams,
        body: editSectionsBody,
        response: { 200: reportResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agency, handles } = await authorizeReports(app.db, user, request.params.agencyId, 'handle');
      const { expectedRevision, ...sections } = request.body;
      const stored = await app.db
        .transaction()
        .execute((trx) =>
          saveReportSections(
            trx,
            agency.id,
            request.params.id,
            sections,
            expectedRevision,
            reportActor(user),
            currentMoment(app),
          ),
        );
      return reportView(app, stored, agency, user, handles);
    },
  );

  api.post(
    '/agencies/:agencyId/reports/:id/reassemble',
    {
      schema: {
        tags: ['reports'],
        summary: '按台账重新统计草稿的表二、表三、表四（正文不变，正文与表格不符之处由核查指出）',
        params: reportParams,
        body: reassembleBody,
        response: { 200: reportResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agency, handles } = await authorizeReports(app.db, user, request.params.agencyId, 'handle');
      const stored = await app.db
        .transaction()
        .execute((trx) =>
          reassembleReport(
            trx,
            agency.id,
            request.params.id,
            request.body.expectedRevision,
            reportActor(user),
            currentMoment(app),
          ),
        );
      return reportView(app, stored, agency, user, handles);
    },
  );

  api.post(
    '/agencies/:agencyId/reports/:id/transitions',
    {
      schema: {
        tags: ['reports'],
        summary: '审核流程：提交审核、退回修改、审核通过、发布',
        description:
          '草稿 → 已提交审核（经办人或审核人；核查有错误时拒绝并列出错误，返回 422）→ 已审核通过（审核人，不能审核本人提交的报告）→ 已发布（经办人或审核人；发布日期为当天，发布后锁定，逾期发布允许但标出）。审核人可将已提交或已审核通过的报告退回草稿，须说明理由。',
        params: reportParams,
        body: transitionBody,
        response: {
          200: reportResponse,
          ...errorResponses(400, 401, 403, 404, 409),
          422: errorSchema.describe(
            '核查有错误，不能提交审核（INVALID_REPORT，details.errors 列出各项错误）',
          ),
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agency, handles } = await authorizeReports(app.db, user, request.params.agencyId, 'handle');
      const { action, reason, expectedRevision } = request.body;
      const stored = await app.db
        .transaction()
        .execute((trx) =>
          applyReportTransition(
            trx,
            agency.id,
            request.params.id,
            action,
            reason ?? null,
            expectedRevision,
            reportActor(user),
            currentMoment(app),
          ),
        );
      return reportView(app, stored, agency, user, handles);
    },
  );

  api.post(
    '/agencies/:agencyId/reports/:id/corrections',
    {
      schema: {
        tags: ['reports'],
        summary: '更正已发布的年度报告：生成新版本草稿（须说明理由），原版本保留可查',
        params: reportParams,
        body: correctionBody,
        response: { 201: reportResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agency, handles } = await authorizeReports(app.db, user, request.params.agencyId, 'handle');
      const stored = await app.db
        .transaction()
        .execute((trx) =>
          correctReport(
            trx,
            agency.id,
            request.params.id,
            request.body.reason,
            reportActor(user),
            currentMoment(app),
          ),
        );
      return reply.status(201).send(await reportView(app, stored, agency, user, handles));
    },
  );
}
