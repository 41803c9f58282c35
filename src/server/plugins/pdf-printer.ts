import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppError, isAppError } from '../../core/errors.ts';
import { PdfRenderer } from '../../documents/render/render-pdf.ts';

/** Prints with the app's one Chromium: `print((renderer) => renderer.printHtml(html), log)`. */
export type PdfPrint = (
  use: (renderer: PdfRenderer) => Promise<Uint8Array>,
  log: FastifyBaseLogger,
) => Promise<Uint8Array>;

/** How many PDFs one server prints at the same time. */
export const MAX_CONCURRENT_PRINTS = 2;

/** Keyed by the app's config object: one per buildApp, the same in every encapsulated route plugin. */
const printers = new WeakMap<object, PdfPrint>();

/**
 * One Chromium for the app's lifetime, shared by every route that prints (letters, annual
 * reports), launched on the first PDF request (most servers never print one) and closed with the
 * app. A renderer that fails to print is dropped, so that a crashed browser is replaced on the
 * next request instead of failing every request after it.
 */
export function pdfPrinter(app: FastifyInstance): PdfPrint {
  const existing = printers.get(app.config);
  if (existing) return existing;
  let current: Promise<PdfRenderer> | null = null;
  const dispose = (renderer: Promise<PdfRenderer>, log: FastifyBaseLogger) =>
    renderer
      .then((r) => r.close())
      .catch((error: unknown) => log.warn({ err: error }, 'closing the PDF renderer failed'));
  app.addHook('onClose', async () => {
    const renderer = current;
    current = null;
    if (renderer) await dispose(renderer, app.log);
  });
  // Pages printed at once: more would only share the same two CPUs and multiply Chromium's memory,
  // and public routes can ask for PDFs; the others wait their turn.
  let printing = 0;
  const waiting: Array<() => void> = [];
  const turn = async () => {
    if (printing >= MAX_CONCURRENT_PRINTS) await new Promise<void>((resolve) => waiting.push(resolve));
    printing += 1;
  };
  const done = () => {
    printing -= 1;
    waiting.shift()?.();
  };
  const print: PdfPrint = async (use, log) => {
    await turn();
    try {
      return await printNow(use, log);
    } finally {
      done();
    }
  };
  const printNow: PdfPrint = async (use, log) => {
    current ??= PdfRenderer.launch({ executablePath: app.config.chromiumPath }).catch((error: unknown) => {
      current = null;
      // A missing or broken Chromium is the server's fault, not the caller's: 500, details logged.
      throw isAppError(error) && error.code === 'INTERNAL'
        ? error
        : new AppError('INTERNAL', isAppError(error) ? error.message : String(error));
    });
    const renderer = current;
    try {
      return await use(await renderer);
    } catch (error) {
      if (current === renderer) {
        current = null;
        void dispose(renderer, log);
      }
      throw error;
    }
  };
  printers.set(app.config, print);
  return print;
}
