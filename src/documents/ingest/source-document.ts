import { AppError } from '../../core/errors.ts';
import type { Finding } from '../../core/rules/finding.ts';

/**
 * The common intermediate form every format reader produces: the document as an ordered list of
 * lines, each a list of cell texts, with where it came from. The report interpreter
 * (interpret-document.ts) turns it into a `gongkai-report/1` report; readers never look for
 * labels or numbers themselves.
 *
 * - A paragraph is one line with one cell (a paragraph that a PDF or a text export wrapped over
 *   several physical lines may come as several lines; the interpreter joins them).
 * - A table row is one line with one cell per cell of the row, left to right. A merged cell
 *   (rowspan/colspan, w:vMerge/w:gridSpan) appears once, in its first row and column; a row that
 *   merges vertically with the one above simply has fewer cells. Empty cells are kept as ''.
 * - Text is as printed: no normalisation of width, spacing or look-alike characters (the
 *   interpreter normalises, so that it can also report non-standard labels).
 */
/**
 * The formats read, as the API reports them ('doc': Word 97–2003, also a .wps saved in Word's
 * format; 'image': page images — one JPG/PNG/TIFF, or a zip of them read as the pages of one report).
 */
export const SOURCE_FORMATS = ['txt', 'md', 'html', 'docx', 'pdf', 'doc', 'image'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface SourceLine {
  cells: string[];
  /** True when the line is a row of a table structure (HTML/DOCX table, tab-separated text, PDF columns). */
  inTable: boolean;
  /** 1-based line number in the source: text line (txt/md/html source line) or line on the page (pdf). */
  line: number;
  /** 1-based page, when the format has pages (pdf). */
  page?: number;
  /** Heading level 1–6 when the format marks headings (md #, html h1–h6, docx Heading styles). */
  heading?: number;
  /** Index of the table this row belongs to in the document (0-based), when inTable. */
  table?: number;
  /** How the reader obtained the cells when not as printed (e.g. "按勾稽关系拆分"); quoted in provenance. */
  note?: string;
  /** Read by OCR (a scan): the recogniser's confidence (0–100) in each cell, parallel to `cells`. */
  confidence?: number[];
}

/** A document read from page images by OCR: how many pages and how sure the recogniser was overall. */
export interface ScanReading {
  pages: number;
  /** Mean confidence (0–100) of every word and cell read. */
  meanConfidence: number;
}

/**
 * A property the document states outside its text: an HTML <meta> (name or property, e.g.
 * PubDate, ContentSource, article:published_time), a DOCX core property (docProps/core.xml:
 * dcterms:created, dcterms:modified), a PDF Info entry (CreationDate, ModDate). The interpreter
 * reads the agency and publication date from them when the text does not state them.
 */
export interface DocumentProperty {
  /** As the document names it: 'PubDate', 'article:published_time', 'dcterms:created', 'CreationDate'… */
  name: string;
  value: string;
  from: 'html-meta' | 'docx-core' | 'pdf-info';
  /** 1-based source line of an HTML <meta>. */
  line?: number;
}

export interface SourceDocument {
  format: SourceFormat;
  lines: SourceLine[];
  /** Page count for paged formats. */
  pages?: number;
  /** Properties stated outside the text (HTML meta, DOCX core properties, PDF Info). */
  properties?: DocumentProperty[];
  /** Findings of the reader itself (e.g. a run of digits it could not split uniquely). */
  findings?: Finding[];
  /** Present when the document was read by OCR from page images. */
  scan?: ScanReading;
}

/** Limits every reader enforces before and while reading: bounded time and memory on hostile input. */
/**
 * How PDFs are read: 'fast' (the default) with the fast reader when it reads the file exactly as
 * pdfjs would, with pdfjs otherwise; 'pdfjs' always with pdfjs.
 */
export const PDF_READERS = ['fast', 'pdfjs'] as const;
export type PdfReaderChoice = (typeof PDF_READERS)[number];

/** Options of the readers (set once from the configuration; only PDF reading has one). */
export interface ReadOptions {
  /** Default 'fast'. */
  pdfReader?: PdfReaderChoice;
  /** Called after each page of a scan is read by OCR (seconds each), for progress bars and the reader's watchdog. */
  onPage?: (page: number, pages: number) => void;
}

export const INGEST_LIMITS = {
  /** Largest input file accepted, any format. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Largest total uncompressed size of a DOCX's parts, and of one part. */
  maxDocxUncompressedBytes: 100 * 1024 * 1024,
  /** Most entries a DOCX zip may have. */
  maxDocxEntries: 2_000,
  /** Highest compression ratio of a DOCX part before it is treated as a zip bomb. */
  maxCompressionRatio: 200,
  /** Most pages of a PDF read; an annual report has 5–20. */
  maxPdfPages: 200,
  /** Most lines produced from one document. */
  maxLines: 200_000,
  /**
   * Most elements (start tags) of an HTML page or of one XML part of a DOCX: a report has about
   * 10,000; every element costs the reader memory, so a page of millions of tiny elements is
   * refused by this count (HTML before it is even decoded) instead of by the reader's memory cap.
   */
  maxMarkupElements: 500_000,
  /** Deepest nesting of elements in an HTML page or a DOCX part; a report nests about 20 deep. */
  maxMarkupDepth: 1_000,
  /** Most bytes one compressed stream of a PDF (content, font, image…) may inflate to, whichever reader runs. */
  maxInflatedStreamBytes: 32 * 1024 * 1024,
  /** Most bytes all compressed streams of one PDF may inflate to together. */
  maxInflatedBytes: 256 * 1024 * 1024,
  /**
   * Most pages of a scanned report read by OCR (image-only PDF or page images; seconds per page):
   * an annual report has 5–20. Checked before any page is drawn or decoded.
   */
  maxScannedPages: 60,
  /** Longest side of one page image, in pixels, read from its header before decoding. */
  maxImageSide: 12_000,
  /** Most pixels of one page image (an A4 page at 600 dpi has 35 million), read from its header. */
  maxImagePixels: 40_000_000,
  /** Most bytes of the page images of one report together (folder or zip of pages). */
  maxPageImagesBytes: 200 * 1024 * 1024,
} as const;

/**
 * A read refused because the file would need more than a byte budget of INGEST_LIMITS (a
 * decompression bomb): final, never a reason to try another reader.
 */
export class ReadBudgetExceeded extends AppError {
  constructor(message: string) {
    super('DOCUMENT_REFUSED', message);
    this.name = 'ReadBudgetExceeded';
  }
}

const MIB = 1024 * 1024;

/** The refusal of an HTML page or DOCX part with more than INGEST_LIMITS.maxMarkupElements elements. */
export function markupElementsExceeded(format: 'HTML' | 'DOCX'): ReadBudgetExceeded {
  return new ReadBudgetExceeded(
    `${format} 元素过多（超过 ${INGEST_LIMITS.maxMarkupElements.toLocaleString('en-US')} 个标签的上限），拒绝读取`,
  );
}

/** The refusal of an HTML page or DOCX part nested deeper than INGEST_LIMITS.maxMarkupDepth. */
export function markupDepthExceeded(format: 'HTML' | 'DOCX'): ReadBudgetExceeded {
  return new ReadBudgetExceeded(`${format} 标签嵌套超过 ${INGEST_LIMITS.maxMarkupDepth} 层的上限，拒绝读取`);
}

/** The refusal of a PDF stream that inflates to more than INGEST_LIMITS.maxInflatedStreamBytes. */
export function streamBudgetExceeded(): ReadBudgetExceeded {
  return new ReadBudgetExceeded(
    `PDF 内容解压后超过 ${INGEST_LIMITS.maxInflatedStreamBytes / MIB} MB（单个数据流上限），拒绝读取`,
  );
}

/** The refusal of a PDF whose streams together inflate to more than INGEST_LIMITS.maxInflatedBytes. */
export function fileBudgetExceeded(): ReadBudgetExceeded {
  return new ReadBudgetExceeded(
    `PDF 内容解压后超过 ${INGEST_LIMITS.maxInflatedBytes / MIB} MB（全部数据流合计上限），拒绝读取`,
  );
}

/**
 * The first check of the HTML, DOCX and PDF readers: throws AppError DOCUMENT_REFUSED for an empty
 * file or one over INGEST_LIMITS.maxFileBytes, naming the format.
 */
export function refuseEmptyOrOversized(bytes: Uint8Array, format: 'HTML' | 'DOCX' | 'PDF' | 'DOC'): void {
  if (bytes.byteLength === 0) throw new AppError('DOCUMENT_REFUSED', '文件为空（0 字节）');
  if (bytes.byteLength > INGEST_LIMITS.maxFileBytes) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `${format} 文件超过大小上限（${INGEST_LIMITS.maxFileBytes / 1024 / 1024} MB）`,
    );
  }
}
