import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseReport } from '../../../core/report/parse-report.ts';
import { summarizeFindings } from '../../../core/rules/summarize-findings.ts';
import { checkReport } from '../../../documents/check-report.ts';
import { IngestWorker } from '../../../documents/ingest/ingest-pool.ts';
import { INGEST_LIMITS } from '../../../documents/ingest/source-document.ts';
import { readerOptions } from '../../config.ts';
import { REPORT_MEDIA_TYPES } from '../../http/report-media-types.ts';
import { errorResponses } from '../common.schema.ts';
import {
  checkDocumentQuery,
  checkDocumentResponse,
  checkReportBody,
  checkReportResponse,
} from './check.schema.ts';

const MB = 1024 * 1024;

/** The limits of the anonymous checker, stated in its OpenAPI description (and in the README). */
const CHECK_DOCUMENT_LIMITS =
  `无需登录。上限：文件 ${INGEST_LIMITS.maxFileBytes / MB} MB；PDF 单个数据流解压后 ${INGEST_LIMITS.maxInflatedStreamBytes / MB} MB、` +
  `合计 ${INGEST_LIMITS.maxInflatedBytes / MB} MB；DOCX 解压后 ${INGEST_LIMITS.maxDocxUncompressedBytes / MB} MB；` +
  '每份文件读取时间 GONGKAI_READ_TIMEOUT_SECONDS（默认 60 秒）、读取进程全部内存 GONGKAI_READ_MEMORY_MB（默认 384 MB），' +
  '超出即 422（DOCUMENT_REFUSED）并说明原因。同时读取 CHECK_CONCURRENCY 份（默认 1，每份一个新的读取进程），' +
  '排队 CHECK_QUEUE_LENGTH 份（默认 8），再多即 429（TOO_MANY_REQUESTS），响应头 Retry-After 给出建议的重试秒数。';

/** The checker as a service: a report as JSON, or a published document as raw bytes. */
export async function registerCheckRoutes(app: FastifyInstance): Promise<void> {
  // Anonymous: a bounded number of reader processes, a fresh one for every file (nothing of one
  // caller's read outlives it), and a bounded queue (429 with Retry-After beyond).
  const worker = new IngestWorker({
    ...readerOptions(app.config),
    concurrency: app.config.checkConcurrency,
    maxQueue: app.config.checkQueueLength,
    readsPerProcess: 1,
  });
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
        description: CHECK_DOCUMENT_LIMITS,
        querystring: checkDocumentQuery,
        response: { 200: checkDocumentResponse, ...errorResponses(400, 429) },
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
