import { accessSync, constants } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { AppError } from '../../core/errors.ts';
import type { Report } from '../../core/report/schema.ts';
import type { RenderOptions } from './findings-appendix.ts';
import { FONT_TABLE, PAGE_MARGINS_MM } from './html-style.ts';
import { repairTextLayer } from './pdf-text-layer.ts';
import { renderHtml } from './render-html.ts';

export interface PdfRendererOptions {
  /** Chromium binary (GONGKAI_CHROMIUM in the configuration); defaults to /usr/bin/chromium. */
  executablePath?: string;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM =
  'PDF 输出需要 Chromium：请安装 chromium（Debian：apt-get install chromium），或用环境变量 GONGKAI_CHROMIUM 指定路径';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws AppError INVALID_INPUT when the binary does not exist or is not executable. */
function chromiumPath(explicit: string | undefined): string {
  const path = explicit ?? DEFAULT_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new AppError('INVALID_INPUT', NO_CHROMIUM, { executablePath: path });
  }
  return path;
}

const m = PAGE_MARGINS_MM;
const FOOTER = `<div style='width:100%;text-align:center;font-family:${FONT_TABLE};font-size:10.5pt;color:#000;'>第 <span class="pageNumber"></span> 页</div>`;

/**
 * PDF through headless Chromium printing the HTML rendering (A4, 公文 margins, "第 N 页" footer).
 * One browser serves a whole batch: each report gets its own page, closed once printed. The pages
 * run without JavaScript and offline — the HTML needs neither.
 *
 * Chromium embeds the Noto CJK faces (CFF outlines) as Type 3 fonts. Their ToUnicode maps name
 * radical look-alikes for some ideographs (⽉ for 月); repairTextLayer corrects them, so text copied
 * or extracted from the PDF is the report's own characters.
 */
export class PdfRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
  ) {}

  /**
   * Throws AppError INVALID_INPUT (with an installation hint) when no Chromium is found, and
   * AppError INTERNAL when the binary exists but does not start.
   */
  static async launch(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
    const executablePath = chromiumPath(options.executablePath);
    let browser: Browser;
    try {
      // Loaded on the first print only: playwright-core is some 70 MB of resident memory, which a
      // server that never prints a PDF (or not yet) need not carry beside its reader processes.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
    } catch (error) {
      throw new AppError('INTERNAL', `Chromium 启动失败（${executablePath}），无法生成 PDF`, {
        cause: String(error),
      });
    }
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    return new PdfRenderer(browser, context);
  }

  async render(report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
    return this.printHtml(renderHtml(report, options));
  }

  /**
   * Prints any self-contained HTML page (no script, no external resource) the way reports are
   * printed: A4, 公文 margins, "第 N 页" footer, text layer repaired. Used by the 告知书 renderer.
   */
  async printHtml(html: string): Promise<Uint8Array> {
    const page = await this.context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
        margin: { top: `${m.top}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm`, right: `${m.right}mm` },
      });
      return repairTextLayer(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close();
  }
}
