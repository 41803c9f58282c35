import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseReport } from '../../../core/report/parse-report.ts';
import { summarizeFindings } from '../../../core/rules/summarize-findings.ts';
import { checkReport } from '../../../documents/check-report.ts';
import { IngestWorker } from '../../../documents/ingest/ingest-pool.ts';
import { INGEST_LIMITS } from '../../../documents/ingest/source-document.ts';
import { REPORT_MEDIA_TYPES } from '../../http/report-media-types.ts';
import {
  checkDocumentQuery,
  checkDocumentResponse,
  checkReportBody,
  checkReportResponse,
} from './check.schema.ts';

/** The checker as a service: a report as JSON, or a published document as raw bytes. */
export async function registerCheckRoutes(app: FastifyInstance): Promise<void> {
  const worker = new IngestWorker({ pdfReader: app.config.pdfReader });
  app.addHook('onClose', async () => worker.close());
  app.addContentTypeParser(
    REPORT_MEDIA_TYPES,
    { parseAs: 'buffer', bodyLimit: INGEST_LIMITS.maxFileBytes },
    (_req, body, done) => done(null, body),
  );
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/check/report',
    {
      schema: {
        tags: ['checker'],
        summary: '核查一份 gongkai-report/1 年度报告',
        body: checkReportBody,
        response: { 200: checkReportResponse },
      },
    },
    async (request) => {
      const report = parseReport(request.body.report);
      const previous = request.body.previous === undefined ? undefined : parseReport(request.body.previous);
      const findings = checkReport(report, undefined, previous ? { previous } : {});
      return { findings, summary: summarizeFindings(findings) };
    },
  );

  api.post(
    '/check/document',
    {
      bodyLimit: INGEST_LIMITS.maxFileBytes,
      schema: {
        tags: ['checker'],
        summary:
          '读取并核查一份已发布的年度报告文件（txt、Markdown、HTML、DOCX、PDF、DOC/WPS，请求体为文件内容）',
        querystring: checkDocumentQuery,
        response: { 200: checkDocumentResponse },
      },
    },
    async (request) => {
      const bytes = new Uint8Array(request.body as Buffer);
      const result = await worker.read(bytes, request.query.filename);
      const findings = checkReport(result.report, result);
      return { format: result.format, report: result.report, findings, summary: summarizeFindings(findings) };
    },
  );
}
