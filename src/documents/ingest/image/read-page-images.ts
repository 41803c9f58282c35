import type { Sharp } from 'sharp';
import { AppError } from '../../../core/errors.ts';
import { inflateZipEntry } from '../../zip/zip-entries.ts';
import { readPageScans } from '../ocr/read-page-scans.ts';
import { INGEST_LIMITS, type ReadOptions, type SourceDocument } from '../source-document.ts';
import {
  PAGE_IMAGE_ZIP_LIMITS,
  type PageImageKind,
  pageImageEntries,
  pageImageKind,
  readZipDirectoryOfBundle,
  refuseTooManyPages,
} from './page-image-bundle.ts';
import { loadSharp, pageImageSharp } from './page-image-sharp.ts';

/** One page of a scanned report given as an image, checked from its header (never decoded unbounded). */
export interface PageImage {
  /** 1-based page of the report. */
  page: number;
  /** The file (or zip entry) it came from, for messages. */
  name: string;
  kind: PageImageKind;
  bytes: Uint8Array;
  /** The page of a multi-page TIFF it is (0-based); 0 otherwise. */
  frame: number;
  /** Pixels as stored (before any EXIF orientation is applied). */
  width: number;
  height: number;
  /** The resolution the header states, or, when it states none (or a screen's 72), the one an A4 page would have. */
  dpi: number;
}

const MIB = 1024 * 1024;

/**
 * Reads page images as one scanned report: a single JPG/PNG/TIFF (every page of a multi-page
 * TIFF), or a page-image bundle (a zip of them, page-image-bundle.ts) in natural name order. Each
 * page is checked before the OCR engine sees it, all within the reader process's memory cap:
 *
 * - the format by its magic bytes, its dimensions from the header (never decoding first): over
 *   INGEST_LIMITS.maxImageSide per side or maxImagePixels in all → “图片尺寸过大（W×H像素）”;
 * - a decoding pass bounded by `limitInputPixels` (downscaled as it goes, so that it needs no
 *   page-sized buffer) → a corrupt or truncated image is “图片已损坏”;
 * - at most INGEST_LIMITS.maxScannedPages pages, counted before any page is decoded.
 *
 * Throws AppError DOCUMENT_REFUSED naming the page and the reason; then reads the pages by OCR
 * (ocr/read-page-scans.ts), calling `options.onPage` after each.
 */
export async function readPageImages(
  bytes: Uint8Array,
  fileName = '',
  options: ReadOptions = {},
): Promise<SourceDocument> {
  if (bytes.byteLength === 0) throw new AppError('DOCUMENT_REFUSED', '文件为空（0 字节）');
  const files = pageImageKind(bytes) ? [{ name: baseName(fileName) || '第1页', bytes }] : unbundle(bytes);
  const pages: PageImage[] = [];
  for (const file of files) {
    if (file.bytes.byteLength > INGEST_LIMITS.maxFileBytes) {
      throw new AppError(
        'DOCUMENT_REFUSED',
        `${file.name}：图片文件超过大小上限（${INGEST_LIMITS.maxFileBytes / MIB} MB）`,
      );
    }
    pages.push(...(await inspect(file.name, file.bytes, pages.length + 1)));
    refuseTooManyPages(pages.length);
  }
  for (const page of pages) await refuseCorrupt(page);
  return readPageScans(pages, options.onPage);
}

/** The page files of a bundle, refused as a whole when it is no bundle or has too many pages. */
function unbundle(bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
  if (bytes.byteLength > INGEST_LIMITS.maxPageImagesBytes) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `页面图片合计超过一份报告的上限 ${INGEST_LIMITS.maxPageImagesBytes / MIB} MB`,
    );
  }
  const entries = pageImageEntries(bytes);
  if (!entries) {
    throw new AppError('UNSUPPORTED_FORMAT', '不是 JPG、PNG 或 TIFF 图片，也不是只含页面图片的压缩包');
  }
  refuseTooManyPages(entries.length);
  // The real limits (sizes, ratio) now that the zip is known to be a bundle.
  readZipDirectoryOfBundle(bytes);
  return entries.map((entry) => ({
    name: entry.name,
    bytes: inflateZipEntry(bytes, entry, PAGE_IMAGE_ZIP_LIMITS),
  }));
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The pages of one image file, from its header; refused when it is no image or too large. */
async function inspect(name: string, bytes: Uint8Array, firstPage: number): Promise<PageImage[]> {
  const kind = pageImageKind(bytes);
  const where = `第${firstPage}页（${baseName(name)}）`;
  if (!kind) throw new AppError('DOCUMENT_REFUSED', `${where}不是 JPG、PNG 或 TIFF 图片`);
  const sharp = await loadSharp();
  let metadata: Awaited<ReturnType<Sharp['metadata']>>;
  try {
    // Header only: nothing is decoded here, whatever the dimensions claim.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('DOCUMENT_REFUSED', `${where}图片已损坏，无法读取`);
  }
  const frames = kind === 'tiff' ? Math.max(1, metadata.pages ?? 1) : 1;
  refuseTooManyPages(firstPage - 1 + frames);
  const pages: PageImage[] = [];
  for (let frame = 0; frame < frames; frame += 1) {
    const header =
      frame === 0 ? metadata : await sharp(bytes, { limitInputPixels: false, page: frame }).metadata();
    const width = header.width ?? 0;
    const height = header.height ?? 0;
    const at = frames > 1 ? `第${firstPage + frame}页（${baseName(name)} 第${frame + 1}帧）` : where;
    refuseOversized(at, width, height);
    pages.push({
      page: firstPage + frame,
      name,
      kind,
      bytes,
      frame,
      width,
      height,
      dpi: resolutionOf(header.density, width, height),
    });
  }
  return pages;
}

/** Refuses an image over the side or pixel limit, or without dimensions, naming its size. */
export function refuseOversized(where: string, width: number, height: number): void {
  if (!(width > 0 && height > 0))
    throw new AppError('DOCUMENT_REFUSED', `${where}图片已损坏（没有尺寸），无法读取`);
  const side = INGEST_LIMITS.maxImageSide;
  if (width > side || height > side || width * height > INGEST_LIMITS.maxImagePixels) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `${where}图片尺寸过大（${width}×${height}像素），上限为每边 ${side} 像素、共 ${INGEST_LIMITS.maxImagePixels / 1_000_000} 百万像素`,
    );
  }
}

/** A4's longer side in inches: the resolution of a page image that states none. */
const A4_LONG_SIDE_INCHES = 297 / 25.4;

function resolutionOf(density: number | undefined, width: number, height: number): number {
  if (density !== undefined && density >= 100 && density <= 1200) return Math.round(density);
  return Math.max(50, Math.round(Math.max(width, height) / A4_LONG_SIDE_INCHES));
}

/**
 * Decodes the page once, shrinking as it goes (JPEG shrink-on-load, PNG/TIFF row by row), so that
 * a damaged or truncated image is refused before OCR starts without holding its pixels.
 */
async function refuseCorrupt(page: PageImage): Promise<void> {
  try {
    await (await pageImageSharp(page))
      .resize({ width: 64, height: 64, fit: 'inside', fastShrinkOnLoad: true })
      .raw()
      .toBuffer();
  } catch {
    throw new AppError('DOCUMENT_REFUSED', `第${page.page}页（${baseName(page.name)}）图片已损坏，无法读取`);
  }
}
