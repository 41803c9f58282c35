import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { draftOverview, draftOverviewParagraphs } from '../../../core/report/draft-overview.ts';
import { draftNarrative } from '../../../core/work-records/draft-narrative.ts';
import { summariseWork } from '../../../core/work-records/work-summary.ts';
import { mergedReportsOf } from '../../../store/region/merged-reports.ts';
import { getPublishedAnnualReport, listAnnualReports } from '../../../store/reports/read-annual-reports.ts';
import { loadWorkRecordsOfYear } from '../../../store/work-records/load-work-records.ts';
import { assembleAnnualReport } from '../../../use-cases/reports/assemble-annual-report.ts';
import { authorizeReports } from '../../access/authorize-agency.ts';
import { requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { presentReportSummary } from '../../presenters/annual-report.presenter.ts';
import { errorResponses } from '../common.schema.ts';
import { registerReportDocumentRoute } from './report-document.routes.ts';
import { loadReport, reportActor, reportView } from './report-view.ts';
import { registerReportWorkflowRoutes } from './report-workflow.routes.ts';
import {
  assembleReportBody,
  draftNarrativeResponse,
  draftOverviewResponse,
  listReportsQuery,
  publishedParams,
  reportAgencyParams,
  reportListResponse,
  reportParams,
  reportResponse,
} from './reports.schema.ts';

/** The annual report (政府信息公开工作年度报告): assembled from the records, written, reviewed, published. */
export async function registerReportRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

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
      const { agency, handles } = await authorizeReports(app.db, user, request.params.agencyId, 'handle');
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
      return reply.status(201).send(await reportView(app, stored, agency, user, handles));
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
      const { agency } = await authorizeReports(app.db, user, request.params.agencyId, 'read');
      const items = await listAnnualReports(app.db, agency.id, request.query.year);
      return {
        items: items.map((s) => presentReportSummary(s, agency)),
        mergedReports: await mergedReportsOf(app.db, agency.id, request.query.year),
      };
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
      const { agency, handles } = await authorizeReports(app.db, user, request.params.agencyId, 'read');
      return reportView(app, await loadReport(app, agency.id, request.params.id), agency, user, handles);
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
      const { agency, handles } = await authorizeReports(app.db, user, request.params.agencyId, 'read');
      const stored = await getPublishedAnnualReport(app.db, agency.id, request.params.year);
      if (!stored) throw new AppError('NOT_FOUND', `${agency.name}${request.params.year}年度报告尚未发布`);
      return reportView(app, stored, agency, user, handles);
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
      const { agency } = await authorizeReports(app.db, user, request.params.agencyId, 'read');
      const { report } = await loadReport(app, agency.id, request.params.id);
      return {
        overview: draftOverview(report, report.year),
        ...draftOverviewParagraphs(report, report.year),
      };
    },
  );

  api.get(
    '/agencies/:agencyId/reports/:id/draft-narrative',
    {
      schema: {
        tags: ['reports'],
        summary: '按公开工作台账和表格数据起草第一部分（一）至（五）和第六部分（不保存，供经办人修改后写入）',
        description:
          '数字均取自本年度的工作记录（政策解读、政府开放日、建议提案、培训、平台等）、主动公开和规范性文件台账以及报告表格；“其中”各项之和等于总数。',
        params: reportParams,
        response: { 200: draftNarrativeResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agency } = await authorizeReports(app.db, user, request.params.agencyId, 'read');
      const { report } = await loadReport(app, agency.id, request.params.id);
      const records = await loadWorkRecordsOfYear(app.db, agency.id, report.year);
      return draftNarrative(summariseWork(records), report, report.year);
    },
  );

  await registerReportWorkflowRoutes(app);
  await registerReportDocumentRoute(app);
}
