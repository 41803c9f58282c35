import { zipSync } from 'fflate';
import { AppError } from '../../../core/errors.ts';
import { PAGE_IMAGE_EXTENSIONS } from '../../../core/report/report-file-types.ts';
import { readZipDirectory, type ZipEntry, type ZipLimits } from '../../zip/zip-entries.ts';
import { INGEST_LIMITS } from '../source-document.ts';

/**
 * The pages of one scanned report travel as one "page-image bundle": a zip (stored, not
 * compressed) holding only page images. A folder of page images given to the command line, the
 * images of one folder of an uploaded zip, or an uploaded zip of page images is one report; the
 * readers (and the reader process) take it as one file, like a DOCX.
 */

/** The image formats read, from their magic bytes. */
export type PageImageKind = 'jpeg' | 'png' | 'tiff';

/** The image format of bytes from their first bytes, or null when they are no JPEG, PNG or TIFF. */
export function pageImageKind(bytes: Uint8Array): PageImageKind | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47 &&
    bytes[4] === 0x0d &&
    bytes[5] === 0x0a &&
    bytes[6] === 0x1a &&
    bytes[7] === 0x0a
  ) {
    return 'png';
  }
  const ii = bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00;
  const mm = bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a;
  return ii || mm ? 'tiff' : null;
}

/** Whether a file name has a page-image extension (.jpg, .jpeg, .png, .tif, .tiff). */
export function isPageImageName(name: string): boolean {
  const lower = name.toLowerCase();
  return PAGE_IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

const NATURAL = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Natural order of page names: p2 before p10, 第2页 before 第10页; ties broken by code points. */
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A zip entry's name is a folder, or a system file no one means as a page (__MACOSX, dot files). */
function ignoredEntry(name: string): boolean {
  if (name.endsWith('/') || name.endsWith('\\')) return true;
  return name.split(/[\\/]/).some((part) => part === '__MACOSX' || part.startsWith('.'));
}

/** The directory limits of a bundle: pages of INGEST_LIMITS.maxFileBytes each, maxPageImagesBytes together. */
export const PAGE_IMAGE_ZIP_LIMITS: ZipLimits = {
  // Room for system entries beside the pages; the page count is checked on the pages themselves.
  maxEntries: INGEST_LIMITS.maxScannedPages * 4 + 16,
  maxTotalBytes: INGEST_LIMITS.maxPageImagesBytes,
  maxEntryBytes: INGEST_LIMITS.maxFileBytes,
  maxRatio: INGEST_LIMITS.maxCompressionRatio,
};

/**
 * The page entries of a zip that holds page images and nothing else (folders and system files
 * aside), in natural name order; null when it holds anything else (a DOCX, a zip of reports) or
 * no image at all. Reads the directory only; throws nothing for a zip that is no bundle.
 */
export function pageImageEntries(bytes: Uint8Array): ZipEntry[] | null {
  let entries: ZipEntry[];
  try {
    // Generous limits here: this only decides what the zip is; the reader applies the real ones.
    entries = readZipDirectory(bytes, {
      ...PAGE_IMAGE_ZIP_LIMITS,
      maxEntries: 100_000,
      maxTotalBytes: Number.MAX_SAFE_INTEGER,
      maxEntryBytes: Number.MAX_SAFE_INTEGER,
      maxRatio: Number.POSITIVE_INFINITY,
    });
  } catch {
    return null;
  }
  const pages = entries.filter((entry) => !ignoredEntry(entry.name));
  if (pages.length === 0 || !pages.every((entry) => isPageImageName(entry.name))) return null;
  return pages.sort((a, b) => naturalCompare(a.name, b.name));
}

/** One page image file: its name (for messages and order) and its bytes. */
export interface PageImageFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The bundle of one report's page images (natural name order), refused (AppError
 * DOCUMENT_REFUSED) when there are more than INGEST_LIMITS.maxScannedPages pages or more than
 * INGEST_LIMITS.maxPageImagesBytes together — before anything else is done with them.
 */
export function bundlePageImages(files: readonly PageImageFile[]): Uint8Array {
  refuseTooManyPages(files.length);
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (total > INGEST_LIMITS.maxPageImagesBytes) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `页面图片合计 ${Math.ceil(total / MIB)} MB，超过一份报告的上限 ${INGEST_LIMITS.maxPageImagesBytes / MIB} MB`,
    );
  }
  const entries: Record<string, Uint8Array> = {};
  for (const file of [...files].sort((a, b) => naturalCompare(a.name, b.name)))
    entries[file.name] = file.bytes;
  return zipSync(entries, { level: 0 });
}

const MIB = 1024 * 1024;

/** Refuses a scan of more than INGEST_LIMITS.maxScannedPages pages (AppError DOCUMENT_REFUSED). */
export function refuseTooManyPages(pages: number): void {
  if (pages > INGEST_LIMITS.maxScannedPages) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `扫描件有 ${pages} 页，超过文字识别的上限 ${INGEST_LIMITS.maxScannedPages} 页`,
    );
  }
}

/**
 * Checks a bundle's directory against PAGE_IMAGE_ZIP_LIMITS (sizes of the pages and of all of
 * them, compression ratio); throws AppError DOCUMENT_REFUSED naming the limit.
 */
export function readZipDirectoryOfBundle(bytes: Uint8Array): ZipEntry[] {
  try {
    return readZipDirectory(bytes, PAGE_IMAGE_ZIP_LIMITS);
  } catch (error) {
    // The directory reader words its refusals for DOCX; here the zip is one of page images.
    if (error instanceof AppError)
      throw new AppError(error.code, error.message.replace(/ZIP\/DOCX|DOCX/g, 'ZIP'));
    throw error;
  }
}
