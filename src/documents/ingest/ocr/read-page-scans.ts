import { AppError } from '../../../core/errors.ts';
import { pageImageSharp } from '../image/page-image-sharp.ts';
import type { PageImage } from '../image/read-page-images.ts';
import type { SourceDocument } from '../source-document.ts';
import type { GrayImage } from './gray-image.ts';
import { MIN_SCAN_DPI, SCAN_DPI } from './page-images.ts';
import { readInRuns, scannedDocument, straighten } from './read-scanned-pdf.ts';
import { requireOcr } from './tesseract.ts';

/**
 * Reads the pages of a scanned report given as images (checked by readPageImages: format,
 * dimensions, page count, not corrupt) into a SourceDocument by OCR, as image-only PDFs are
 * read (ocr/read-scanned-pdf.ts): each page decoded with pageImageSharp (pixel limit, EXIF
 * orientation), brought to SCAN_DPI, its brightest channel kept (a red seal fades), straightened
 * and read by ocrPages, PAGES_PER_RUN at a time (readInRuns). `onPage(page, pages)` says how far it has got (readInRuns). The result's format is 'image'.
 *
 * Throws AppError DOCUMENT_REFUSED when Tesseract is missing (naming what to install) or a page
 * is scanned coarser than MIN_SCAN_DPI.
 */
export async function readPageScans(
  pages: readonly PageImage[],
  onPage?: (page: number, pages: number) => void,
): Promise<SourceDocument> {
  requireOcr(`这是扫描件（${pages.length} 页页面图片）`);
  const coarse = pages.find((p) => p.dpi < MIN_SCAN_DPI);
  if (coarse) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `${coarse.name}：扫描分辨率太低（约 ${Math.round(coarse.dpi)} dpi），无法可靠识别；请提供 ${MIN_SCAN_DPI} dpi 以上（最好 200–300 dpi）的扫描件`,
    );
  }
  const read = await readInRuns(
    pages.length,
    async (index) => ({ gray: await straighten(await pageGray(pages[index]!)), dpi: SCAN_DPI }),
    () => {
      throw new Error('every page image has something to read');
    },
    (page) => onPage?.(pages[page - 1]!.page, pages.length),
  );
  return { ...scannedDocument(read), format: 'image' };
}

/** The page decoded at SCAN_DPI, its brightest channel kept (a red seal fades). */
async function pageGray(page: PageImage): Promise<GrayImage> {
  const scale = SCAN_DPI / page.dpi;
  const { data, info } = await (await pageImageSharp(page))
    // Longest side scaled: right whether or not the EXIF orientation turns the page.
    .resize({
      width: Math.round(Math.max(page.width, page.height) * scale),
      height: Math.round(Math.max(page.width, page.height) * scale),
      fit: 'inside',
      kernel: 'lanczos3',
    })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const gray = new Uint8Array(info.width * info.height);
  for (let i = 0, j = 0; i < gray.length; i += 1, j += info.channels) {
    gray[i] = info.channels >= 3 ? Math.max(data[j]!, data[j + 1]!, data[j + 2]!) : data[j]!;
  }
  return { width: info.width, height: info.height, data: gray };
}
