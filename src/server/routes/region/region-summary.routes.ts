import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionalSummaryReport } from '../../../core/region/regional-summary.ts';
import { regionOverview } from '../../../store/region/regional-overview.ts';
import { authorizeRegionCode } from '../../access/authorize-region.ts';
import { sendReportDocument } from '../../http/send-report-document.ts';
import { requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { pdfPrinter } from '../../plugins/pdf-printer.ts';
import { errorResponses } from '../common.schema.ts';
import { regionYearParams } from './region.schema.ts';

const summaryQuery = z.strictObject({
  format: z
    .enum(['html', 'docx', 'pdf', 'md', 'json'], { error: '格式应为 html、docx、pdf、md 或 json' })
    .default('html')
    .describe('html、docx、pdf、md（按国家标准格式）或 json（gongkai-report/1）'),
});

/** The region's summary report (地区年度报告汇总): regional totals in the national format. */
export async function registerRegionSummaryRoute(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const print = pdfPrinter(app);

  api.get(
    '/region/regions/:code/years/:year/summary',
    {
      schema: {
        tags: ['region'],
        summary:
          '地区年度报告汇总：表二至表四为各机关最新发布报告的逐格合计，正文列出发布情况、逾期和未发布的机关及核查发现错误的机关',
        params: regionYearParams,
        querystring: summaryQuery,
        response: { 200: z.any().describe('汇总报告文件或 JSON'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.params.code, 'read');
      const overview = await regionOverview(app.db, region, request.params.year, currentMoment(app).today);
      const report = regionalSummaryReport(region.name, overview);
      const { format } = request.query;
      if (format === 'json') return report;
      return sendReportDocument(request, reply, print, report, format, {
        fileName: `${region.name}${report.year}年政府信息公开工作年度报告汇总`,
        asciiName: `region-summary-${region.code}-${report.year}`,
      });
    },
  );
}
