import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../../../core/errors.ts';
import { draftOverview, draftOverviewParagraphs } from '../../../core/report/draft-overview.ts';
import { RENDER_FORMATS, renderReport } from '../../../documents/render/render-report.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import type { Agency } from '../../../store/organisation/organisation.repository.ts';
import {
  assembleAnnualReport,
  findingsOfStoredReport,
  getAnnualReport,
  getPublishedAnnualReport,
  listAnnualReports,
  type ReportActor,
  reassembleReport,
  saveReportSections,
} from '../../../store/reports/annual-reports.repository.ts';
import { applyReportTransition, correctReport } from '../../../store/reports/report-workflow.repository.ts';
import type { StoredAnnualReport } from '../../../store/reports/stored-annual-report.ts';
import { authorizeAgency } from '../../plugins/agency-access.ts';
import { type AuthUser, actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { pdfPrinter } from '../../plugins/pdf-printer.ts';
import {
  allowedActions,
  presentReport,
  presentReportSummary,
} from '../../presenters/annual-report.presenter.ts';
import { errorResponses, errorSchema } from '../common.schema.ts';
import { contentDisposition } from '../letters/letter-file.ts';
import {
  assembleReportBody,
  correctionBody,
  documentQuery,
  draftOverviewResponse,
  editSectionsBody,
  listReportsQuery,
  publishedParams,
  reassembleBody,
  reportAgencyParams,
  reportFileResponse,
  reportListResponse,
  reportParams,
  reportResponse,
  transitionBody,
} from './reports.schema.ts';

/**
 * Who may do what with an agency's annual reports: officers and reviewers of the agency write
 * (assemble, edit, workflow steps as the core's decideReportStep allows per role); supervisors read
 * the reports of agencies in their region and below; admins read every agency's. Reading includes
 * the documents: a report holds no personal data.
 */
async function authorizeReports(
  app: FastifyInstance,
  user: AuthUser,
  agencyId: string,
  write: boolean,
): Promise<Agency> {
  try {
    return await authorizeAgency(app.db, user, agencyId, write ? 'handle' : 'read');
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') {
      throw new AppError(
        'FORBIDDEN',
        write ? '无权编辑该机关的年度报告：只有本机关的经办人和审核人可以' : '无权查看该机关的年度报告',
      );
    }
    throw error;
  }
}

function reportActor(user: AuthUser): ReportActor {
  return { ...actorOf(user), role: user.role };
}

/** "中卫市数据局2025年政府信息公开工作年度报告（第2版）.docx" */
function reportFileName(stored: StoredAnnualReport, agency: Agency, extension: string): string {
  const version = stored.version > 1 ? `（第${stored.version}版）` : '';
  return `${agency.name}${stored.year}年政府信息公开工作年度报告${version}${extension}`.replace(
    /[\\/:*?"<>|\p{Cc}]/gu,
    '_',
  );
}

/** The annual report (政府信息公开工作年度报告): assembled from the records, written, reviewed, published. */
export async function registerReportRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const print = pdfPrinter(app);

  async function view(stored: StoredAnnualReport, agency: Agency, user: AuthUser) {
    const findings = await findingsOfStoredReport(app.db, agency.id, stored.report);
    const versions = await listAnnualReports(app.db, agency.id, stored.year);
    const newest = versions[0]?.id === stored.id;
    const actions = allowedActions(stored, user, newest);
    const trail = await listAuditEntries(app.db, 'annual-report', stored.id);
    return presentReport(stored, agency, findings, actions, trail);
  }

  async function load(agencyId: string, id: string): Promise<StoredAnnualReport> {
    const stored = await getAnnualReport(app.db, agencyId, id);
    if (!stored) throw new AppError('NOT_FOUND', '年度报告不存在');
    return stored;
  }

  api.post(
    '/agencies/:agencyId/reports',
    {
      bodyLimit: 256 * 1024,
      schema: {
        tags: ['reports'],
        summary: '汇总生成年度报告草稿：表二、表三、表四由台账统计，第一部分统计段落自动起草',
        description:
          '表二取自规章、规范性文件登记和本年行政许可、处罚、强制、收费数据；表三取自依申请公开台账（含上年结转）；表四取自行政复议、行政诉讼案件。该机关该年度已有报告时返回 409。',
        params: reportAgencyParams,
        body: assembleReportBody,
        response: { 201: reportResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const agency = await authorizeReports(app, user, request.params.agencyId, true);
      const now = currentMoment(app);
      const { year, sections } = request.body;
      const stored = await app.db
        .transaction()
        .execute((trx) =>
          assembleAnnualReport(
            trx,
            { agencyId: agency.id, year, ...(sections ? { sections } : {}) },
            reportActor(user),
            now,
          ),
        );
      return reply.status(201).send(await view(stored, agency, user));
    },
  );

  api.get(
    '/agencies/:agencyId/reports',
    {
      schema: {
        tags: ['reports'],
        summary: '本机关的年度报告及其各版本（新年度、新版本在前）',
        params: reportAgencyParams,
        querystring: listReportsQuery,
        response: { 200: reportListResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const agency = await authorizeReports(app, user, request.params.agencyId, false);
      const items = await listAnnualReports(app.db, agency.id, request.query.year);
      return { items: items.map((s) => presentReportSummary(s, agency)) };
    },
  );

  api.get(
    '/agencies/:agencyId/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: '一个版本的年度报告：全文、实时核查结果、公布期限、可进行的操作、审计记录',
        params: reportParams,
        response: { 200: reportResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const agency = await authorizeReports(app, user, request.params.agencyId, false);
      return view(await load(agency.id, request.params.id), agency, user);
    },
  );

  api.get(
    '/agencies/:agencyId/reports/published/:year',
    {
      schema: {
        tags: ['reports'],
        summary: '机关某年度“现行”的年度报告：已发布的最新版本（更正后为更正版本）',
        params: publishedParams,
        response: { 200: reportResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const agency = await authorizeReports(app, user, request.params.agencyId, false);
      const stored = await getPublishedAnnualReport(app.db, agency.id, request.params.year);
      if (!stored) throw new AppError('NOT_FOUND', `${agency.name}${request.params.year}年度报告尚未发布`);
      return view(stored, agency, user);
    },
  );

  api.get(
    '/agencies/:agencyId/reports/:id/draft-overview',
    {
      schema: {
        tags: ['reports'],
        summary: '按当前表格数据重新起草第一部分的统计段落（不保存，供经办人修改后写入）',
        params: reportParams,
        response: { 200: draftOverviewResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const agency = await authorizeReports(app, user, request.params.agencyId, false);
      const { report } = await load(agency.id, request.params.id);
      return {
        overview: draftOverview(report, report.year),
        ...draftOverviewParagraphs(report, report.year),
      };
    },
  );

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
      const agency = await authorizeReports(app, user, request.params.agencyId, true);
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
      return view(stored, agency, user);
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
      const agency = await authorizeReports(app, user, request.params.agencyId, true);
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
      return view(stored, agency, user);
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
      const agency = await authorizeReports(app, user, request.params.agencyId, true);
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
      return view(stored, agency, user);
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
      const agency = await authorizeReports(app, user, request.params.agencyId, true);
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
      return reply.status(201).send(await view(stored, agency, user));
    },
  );

  api.get(
    '/agencies/:agencyId/reports/:id/document',
    {
      schema: {
        tags: ['reports'],
        summary: '按国家标准格式输出年度报告：HTML、DOCX、PDF 或 Markdown',
        params: reportParams,
        querystring: documentQuery,
        response: {
          200: reportFileResponse,
          ...errorResponses(400, 401, 403, 404),
          422: errorSchema.describe('报告无法按标准格式输出（INVALID_REPORT）'),
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const agency = await authorizeReports(app, user, request.params.agencyId, false);
      const stored = await load(agency.id, request.params.id);
      const { format } = request.query;
      const rendered =
        format === 'pdf'
          ? {
              ...RENDER_FORMATS.pdf,
              bytes: await print(
                (renderer) =>
                  renderReport(stored.report, 'pdf', { pdfRenderer: renderer }).then((r) => r.bytes),
                request.log,
              ),
            }
          : await renderReport(stored.report, format);
      const fileName = reportFileName(stored, agency, rendered.extension);
      void reply
        .header('content-type', rendered.mediaType)
        .header(
          'content-disposition',
          contentDisposition(
            fileName,
            `annual-report-${stored.year}-v${stored.version}${rendered.extension}`,
          ),
        )
        .header('x-content-type-options', 'nosniff');
      if (format === 'html') {
        void reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      }
      return reply.status(200).send(Buffer.from(rendered.bytes));
    },
  );
}
