import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Report } from '../../core/report/schema.ts';
import { RENDER_FORMATS, type RenderFormat, renderReport } from '../../documents/render/render-report.ts';
import type { PdfPrint } from '../plugins/pdf-printer.ts';
import { contentDisposition } from './content-disposition.ts';

export interface ReportDocumentNames {
  /** The file name without extension, in Chinese (e.g. 某局2024年政府信息公开工作年度报告). */
  fileName: string;
  /** The ASCII fallback without extension, for clients that cannot read RFC 5987 names. */
  asciiName: string;
  /** Extra headers, e.g. cache-control for a published version. */
  headers?: Record<string, string>;
  /** Shown in the browser rather than saved, for HTML and PDF (the public's 在线阅读). */
  inline?: boolean;
}

/**
 * Answers with a report in the national format: HTML, DOCX, Markdown, or PDF through the app's
 * one Chromium; names the file, forbids sniffing, and locks an HTML document down with a CSP.
 * Shared by the agency's, the region's and the public report routes.
 */
export async function sendReportDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  print: PdfPrint,
  report: Report,
  format: RenderFormat,
  names: ReportDocumentNames,
): Promise<FastifyReply> {
  const rendered =
    format === 'pdf'
      ? {
          ...RENDER_FORMATS.pdf,
          bytes: await print(
            (renderer) => renderReport(report, 'pdf', { pdfRenderer: renderer }).then((r) => r.bytes),
            request.log,
          ),
        }
      : await renderReport(report, format);
  void reply
    .header('content-type', rendered.mediaType)
    .header(
      'content-disposition',
      contentDisposition(
        `${names.fileName}${rendered.extension}`,
        `${names.asciiName}${rendered.extension}`,
        names.inline && (format === 'html' || format === 'pdf') ? 'inline' : 'attachment',
      ),
    )
    .header('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(names.headers ?? {})) void reply.header(name, value);
  if (format === 'html') {
    void reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  }
  return reply.status(200).send(Buffer.from(rendered.bytes));
}
