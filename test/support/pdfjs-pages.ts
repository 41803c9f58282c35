/**
 * Test support: every page of a PDF as the pdfjs reader path gives it (loadPageText, under the
 * same inflate budget), to compare the fast reader with run by run.
 */
import type { PdfPageContent } from '../../src/documents/ingest/pdf/pdf-page-content.ts';
import { withBoundedInflate } from '../../src/documents/ingest/pdf/pdfjs/pdf-inflate.ts';
import { loadPdfjs, openPdf } from '../../src/documents/ingest/pdf/pdfjs/pdf-open.ts';
import { loadPageText } from '../../src/documents/ingest/pdf/pdfjs/pdf-page.ts';

export async function pdfjsPages(bytes: Uint8Array): Promise<PdfPageContent[]> {
  const module = await loadPdfjs();
  return withBoundedInflate(async () => {
    const task = openPdf(module, bytes);
    try {
      const document = await task.promise;
      const pages: PdfPageContent[] = [];
      for (let number = 1; number <= document.numPages; number += 1)
        pages.push(await loadPageText(module, document, number));
      return pages;
    } finally {
      await task.destroy();
    }
  });
}
