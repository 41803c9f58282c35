import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorizeReports } from '../../access/authorize-agency.ts';
import { sendReportDocument } from '../../http/send-report-document.ts';
import { requireUser } from '../../plugins/auth.ts';
import { pdfPrinter } from '../../plugins/pdf-printer.ts';
import { errorResponses, errorSchema } from '../common.schema.ts';
import { loadReport, reportFileName } from './report-view.ts';
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
      const { agency } = await authorizeReports(app.db, user, request.params.agencyId, 'read');
      const stored = await loadReport(app, agency.id, request.params.id);
      return sendReportDocument(request, reply, print, stored.report, request.query.format, {
        fileName: reportFileName(stored, agency, ''),
        asciiName: `annual-report-${stored.year}-v${stored.version}`,
      });
    },
  );
}
