import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ScanSource } from '../../core/report/scan-source.ts';
import type { Report } from '../../core/report/schema.ts';
import { RENDER_FORMATS, type RenderFormat, renderReport } from '../../documents/render/render-report.ts';
import type { PdfPrint } from '../plugins/pdf-printer.ts';
import { sendDocumentFile } from './send-document-file.ts';

export interface ReportDocumentNames {
  /** The file name without extension, in Chinese (e.g. 某局2024年政府信息公开工作年度报告). */
  fileName: string;
  /** The ASCII fallback without extension, for clients that cannot read RFC 5987 names. */
  asciiName: string;
  /** Extra headers, e.g. cache-control for a published version. */
  headers?: Record<string, string>;
  /** Shown in the browser rather than saved, for HTML and PDF (the public's 在线阅读). */
  inline?: boolean;
  /** The report was read from a scan: the HTML page says so under its title (the forms stay the official ones). */
  scan?: ScanSource | null;
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
      : await renderReport(report, format, format === 'html' ? { scan: names.scan ?? null } : {});
  return sendDocumentFile(reply, {
    bytes: rendered.bytes,
    mediaType: rendered.mediaType,
    fileName: `${names.fileName}${rendered.extension}`,
    asciiName: `${names.asciiName}${rendered.extension}`,
    inline: names.inline === true && (format === 'html' || format === 'pdf'),
    html: format === 'html',
    ...(names.headers ? { headers: names.headers } : {}),
  });
}
