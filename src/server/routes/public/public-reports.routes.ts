import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { statisticsCsv, yearStatistics } from '../../../core/region/public-statistics.ts';
import { regionByCode } from '../../../store/region/regional-agencies.ts';
import { regionOverview, regionYearTotals } from '../../../store/region/regional-overview.ts';
import { getStoredReport } from '../../../store/region/regional-reports.ts';
import { reportScan, withReportScans } from '../../../store/reports/report-scans.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { sendReportDocument } from '../../http/send-report-document.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { pdfPrinter } from '../../plugins/pdf-printer.ts';
import { errorResponses } from '../common.schema.ts';
import {
  publishedListQuery,
  publishedListResponse,
  regionParams,
  reportDocumentParams,
  reportDocumentQuery,
  statisticsQuery,
  statisticsResponse,
} from './public-reports.schema.ts';

/**
 * For the public: the published annual reports of a region's agencies, each readable in the
 * national format, and the region's statistics by year (from the newest published reports; no
 * personal data exists in them). Drafts, submitted and approved versions are never shown.
 */
export async function registerPublicReportRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const print = pdfPrinter(app);

  api.get(
    '/public/regions/:code/reports',
    {
      schema: {
        tags: ['public'],
        summary: '某地区各机关已发布的年度报告（每个机关最新发布的版本）',
        params: regionParams,
        querystring: publishedListQuery,
        response: { 200: publishedListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const region = await regionByCode(app.db, request.params.code);
      const overview = await regionOverview(app.db, region, request.query.year, currentMoment(app).today);
      const items = overview.agencies.flatMap((a) =>
        a.report
          ? [
              {
                reportId: a.report.reportId,
                agencyName: a.agency.name,
                version: a.report.version,
                publishedOn: a.report.publishedOn,
              },
            ]
          : [],
      );
      return {
        region: { code: region.code, name: region.name },
        year: request.query.year,
        items: await withReportScans(app.db, items),
      };
    },
  );

  api.get(
    '/public/reports/:reportId/document',
    {
      schema: {
        tags: ['public'],
        summary: '阅读或下载一份已发布的年度报告：HTML、PDF、DOCX 或 Markdown',
        params: reportDocumentParams,
        querystring: reportDocumentQuery,
        response: { 200: z.any().describe('年度报告文件'), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const stored = await getStoredReport(app.db, request.params.reportId);
      // Unpublished versions do not exist for the public.
      if (stored?.status !== 'published') throw new AppError('NOT_FOUND', '没有这份已发布的年度报告');
      return sendReportDocument(request, reply, print, stored.report, request.query.format, {
        fileName: `${stored.agencyName}${stored.year}年政府信息公开工作年度报告`,
        asciiName: `annual-report-${stored.year}`,
        inline: true,
        scan: await reportScan(app.db, request.params.reportId),
        // A published version never changes (a correction is a new version with its own id).
        headers: { 'cache-control': 'public, max-age=86400' },
      });
    },
  );

  api.get(
    '/public/regions/:code/statistics',
    {
      schema: {
        tags: ['public'],
        summary: '某地区历年依申请公开统计：按申请人类型的新收申请数、按办理结果的办结数（format=csv 下载）',
        params: regionParams,
        querystring: statisticsQuery,
        response: { 200: statisticsResponse.or(z.string()), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { from, to, format } = request.query;
      if (from > to || to - from > 9) {
        throw new AppError('INVALID_INPUT', '年度范围无效：起始年度不能晚于截止年度，且最多10个年度');
      }
      const region = await regionByCode(app.db, request.params.code);
      const years = (await regionYearTotals(app.db, region, from, to)).map((y) =>
        yearStatistics(y.year, y.reports, y.totals.table3),
      );
      if (format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            contentDisposition(
              `${region.name}${from}-${to}年依申请公开统计.csv`,
              `statistics-${region.code}.csv`,
            ),
          )
          .send(statisticsCsv(years));
      }
      return { region: { code: region.code, name: region.name }, years };
    },
  );
}
