import type { Report } from '../../core/report/schema.ts';
import { assertRenderable } from './assert-renderable.ts';
import type { RenderOptions } from './findings-appendix.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { PdfRenderer, PdfRendererOptions } from './render-pdf.ts';

export { assertRenderable } from './assert-renderable.ts';

export type RenderFormat = 'html' | 'md' | 'docx' | 'pdf';

export const RENDER_FORMATS: Record<RenderFormat, { mediaType: string; extension: string }> = {
  html: { mediaType: 'text/html; charset=utf-8', extension: '.html' },
  md: { mediaType: 'text/markdown; charset=utf-8', extension: '.md' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
  },
  pdf: { mediaType: 'application/pdf', extension: '.pdf' },
};

export interface RenderReportOptions extends RenderOptions, PdfRendererOptions {
  /**
   * For a batch of PDFs: a renderer launched once by the caller (and closed by it). Without one,
   * a PDF rendering launches Chromium and closes it again.
   */
  pdfRenderer?: PdfRenderer;
}

export interface RenderedReport {
  format: RenderFormat;
  mediaType: string;
  extension: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

/**
 * Renders a report in one format. Throws AppError INVALID_REPORT (nothing rendered) for a report
 * no form may print (see assertRenderable), AppError INVALID_INPUT when a PDF is asked for and no
 * Chromium is installed.
 */
export async function renderReport(
  report: Report,
  format: RenderFormat,
  options: RenderReportOptions = {},
): Promise<RenderedReport> {
  assertRenderable(report);
  const { pdfRenderer, executablePath, ...renderOptions } = options;
  let bytes: Uint8Array;
  switch (format) {
    case 'html':
      bytes = encoder.encode(renderHtml(report, renderOptions));
      break;
    case 'md':
      bytes = encoder.encode(renderMarkdown(report, renderOptions));
      break;
    case 'docx':
      bytes = await renderDocx(report, renderOptions);
      break;
    case 'pdf':
      bytes = await renderPdf(report, renderOptions, pdfRenderer, executablePath);
      break;
  }
  return { format, ...RENDER_FORMATS[format], bytes };
}

async function renderPdf(
  report: Report,
  options: RenderOptions,
  shared: PdfRenderer | undefined,
  executablePath: string | undefined,
): Promise<Uint8Array> {
  if (shared) return shared.render(report, options);
  // Loaded on demand: HTML, Markdown and DOCX never load playwright-core.
  const { PdfRenderer } = await import('./render-pdf.ts');
  const renderer = await PdfRenderer.launch(executablePath ? { executablePath } : {});
  try {
    return await renderer.render(report, options);
  } finally {
    await renderer.close();
  }
}
