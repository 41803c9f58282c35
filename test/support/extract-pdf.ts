/** Test support: text extraction with pdf.js, the extractor that reads only ToUnicode maps. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ExtractedPdf {
  pages: number;
  /** Page size in points of the first page. */
  size: [number, number];
  /** Text items of every page in reading order, one string per item. */
  items: string[];
  /** The text of each page, its items joined. */
  pageTexts: string[];
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false }).promise;
  const items: string[] = [];
  const pageTexts: string[] = [];
  let size: [number, number] = [0, 0];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    if (i === 1) size = [page.view[2]! - page.view[0]!, page.view[3]! - page.view[1]!];
    const content = await page.getTextContent();
    const onPage = content.items.flatMap((item) => ('str' in item ? [item.str] : []));
    items.push(...onPage);
    pageTexts.push(onPage.join(''));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, size, items, pageTexts };
}

/** Any character in the CJK Radicals Supplement or Kangxi Radicals blocks (U+2E80–U+2FDF). */
export const RADICAL_LOOKALIKE = /[\u2E80-\u2FDF]/u;
