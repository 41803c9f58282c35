import { AppError } from '../../../core/errors.ts';
import type { INGEST_LIMITS, SourceDocument } from '../source-document.ts';
import type { PageImage } from './read-page-images.ts';

/** The limits the OCR engine keeps while reading pages (those of INGEST_LIMITS). */
export type ScanLimits = Pick<typeof INGEST_LIMITS, 'maxScannedPages' | 'maxImageSide' | 'maxImagePixels'>;

/**
 * Reads the pages of a scanned report given as images (checked by readPageImages: format,
 * dimensions, page count, not corrupt; decode each with pageImageSharp, which keeps the pixel
 * limit and applies the EXIF orientation) into a SourceDocument by OCR.
 *
 * `onPage(page, pages)` is to be called after each page is read (progress bars, and the reader
 * process's watchdog, as for image-only PDFs). The result's format is 'image'.
 *
 * The OCR engine is not connected on this branch: every scan is refused with what is missing.
 */
export async function readScannedPages(
  pages: readonly PageImage[],
  _limits: ScanLimits,
  _onPage?: (page: number, pages: number) => void,
): Promise<SourceDocument> {
  throw new AppError(
    'DOCUMENT_REFUSED',
    `需要 OCR（文字识别）才能读取扫描件：已收到 ${pages.length} 页页面图片，但本版本尚未接入文字识别引擎`,
  );
}
