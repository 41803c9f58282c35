import { AppError } from '../../../core/errors.ts';
import { type GrayImage, readPnm, transformGrayImage } from './gray-image.ts';
import { runBounded } from './run-bounded.ts';

/** Resolution pages are rasterised at for OCR, and the longest side a page image may have. */
export const SCAN_DPI = 200;
export const MAX_PAGE_PIXELS_SIDE = 3_000;

/** The resolution a page of `width` × `height` points is rasterised at: SCAN_DPI, lower for an oversized page. */
export function dpiFor(width: number, height: number): number {
  return Math.max(
    50,
    Math.min(SCAN_DPI, Math.floor((MAX_PAGE_PIXELS_SIDE * 72) / Math.max(width, height, 1))),
  );
}

/** Page `page` (1-based) of a PDF as a grey image, drawn by poppler's pdftoppm at `dpi`. */
export async function rasterisePdfPage(pdf: Uint8Array, page: number, dpi: number): Promise<GrayImage> {
  const maxBytes = (MAX_PAGE_PIXELS_SIDE + 16) ** 2 * 3 + 64;
  const ppm = await runBounded(
    'pdftoppm',
    ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile', '-'],
    pdf,
    { timeoutMs: 60_000, maxMemoryMb: 1024, maxOutputBytes: maxBytes },
    `第${page}页的图像生成（pdftoppm）`,
  );
  try {
    return readPnm(ppm);
  } catch {
    throw new AppError('DOCUMENT_REFUSED', `第${page}页无法转换为图像，无法识别`);
  }
}

/** The image turned by `degrees` (clockwise positive) about its centre, the corners filled white. */
export async function rotateImage(image: GrayImage, degrees: number): Promise<GrayImage> {
  (await import('sharp')).default.concurrency(1);
  return transformGrayImage(image, (pipeline) =>
    pipeline.rotate(degrees, { background: { r: 255, g: 255, b: 255 } }),
  );
}

/** Scans below this resolution are too coarse to read digits reliably. */
export const MIN_SCAN_DPI = 120;

/**
 * The resolution of the largest image on each page (1-based page → pixels per inch), as poppler's
 * pdfimages lists them; a page without an image is absent.
 */
export async function imageResolutions(pdf: Uint8Array): Promise<Map<number, number>> {
  const list = await runBounded(
    'pdfimages',
    ['-list', '-'],
    pdf,
    { timeoutMs: 30_000, maxMemoryMb: 512, maxOutputBytes: 4 * 1024 * 1024 },
    '扫描图像的检查（pdfimages）',
  );
  const resolutions = new Map<number, number>();
  for (const row of list.toString('latin1').split('\n').slice(2)) {
    const f = row.trim().split(/\s+/);
    const page = Number(f[0]);
    const ppi = Math.min(Number(f[12]), Number(f[13]));
    if (!(page > 0 && ppi > 0)) continue;
    resolutions.set(page, Math.max(resolutions.get(page) ?? 0, ppi));
  }
  return resolutions;
}
