import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RENDER_FORMATS, renderReport } from '../../../documents/render/render-report.ts';
import { requireUser } from '../../plugins/auth.ts';
import { pdfPrinter } from '../../plugins/pdf-printer.ts';
import { errorResponses, errorSchema } from '../common.schema.ts';
import { contentDisposition } from '../letters/letter-file.ts';
import { authorizeReports, loadReport, reportFileName } from './report-access.ts';
import { documentQuery, reportFileResponse, reportParams } from './reports.schema.ts';

/** A version as a document in the national format (HTML, DOCX, PDF through the app's one Chromium, Markdown). */
export async function registerReportDocumentRoute(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const print = pdfPrinter(app);

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
      const stored = await loadReport(app, agency.id, request.params.id);
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
