import { AppError } from '../../core/errors.ts';
import { lowestConfidence, type ScanSource } from '../../core/report/scan-source.ts';
import { isOleFile } from './doc/read-doc.ts';
import { isPageImageName, pageImageEntries, pageImageKind } from './image/page-image-bundle.ts';
import { type IngestResult, interpretDocument } from './interpret/interpret-document.ts';
import type { ReadOptions, SourceDocument, SourceFormat } from './source-document.ts';
import { readText } from './text/read-text.ts';

/** One decoder for every document (decoding without `stream` keeps no state between calls). */
const LATIN1 = new TextDecoder('latin1');

/** Which format bytes are, from their content first and the file name second. */
export function detectFormat(bytes: Uint8Array, fileName = ''): SourceFormat {
  const head = LATIN1.decode(bytes.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (pageImageKind(bytes)) return 'image';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A zip of page images (and nothing else) is the pages of one scanned report; any other zip a DOCX.
    return pageImageEntries(bytes) ? 'image' : 'docx';
  }
  // An OLE compound file: the DOC reader reads Word documents and names what other ones are.
  if (isOleFile(bytes)) return 'doc';
  const lower = fileName.toLowerCase();
  const claimed = /\.(pdf|docx?|wps|zip)$/.exec(lower)?.[1];
  if (claimed) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `扩展名为 .${claimed}，但内容不是${CLAIMED_FORMAT[claimed]}文件，也不是其他可读取的格式（文件可能已损坏或改过扩展名）`,
    );
  }
  if (isPageImageName(lower)) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `扩展名为 ${lower.slice(lower.lastIndexOf('.'))}，但内容不是 JPG、PNG 或 TIFF 图片（图片已损坏或格式不符）`,
    );
  }
  if (
    /^\s*(<!doctype html|<html|<\?xml|<head|<meta|<body|<div|<table|<p[\s>])/i.test(head) ||
    /\.(html?|shtml|xhtml)$/.test(lower)
  ) {
    return 'html';
  }
  if (/\.(md|markdown)$/.test(lower)) return 'md';
  return 'txt';
}

/** What a file's extension promises, named in the refusal when its content is something else. */
const CLAIMED_FORMAT: Record<string, string> = {
  pdf: ' PDF ',
  docx: ' Word（DOCX）',
  doc: ' Word 97–2003（DOC）',
  wps: ' WPS 文字（Word 格式）',
  zip: '扫描页图片压缩包或 DOCX ',
};

type Reader = (bytes: Uint8Array, fileName: string, options: ReadOptions) => Promise<SourceDocument>;

/**
 * The reader of a format. HTML, DOCX and PDF readers are loaded on first use (pdfjs is large) and
 * kept: a dynamic import() of a loaded module still goes through the module loader's resolve
 * hooks, which cost more than reading a small report.
 */
const loadedReaders = new Map<SourceFormat, Promise<Reader>>();

function readerFor(format: SourceFormat): Promise<Reader> {
  let reader = loadedReaders.get(format);
  if (reader === undefined) {
    reader = loadReader(format);
    loadedReaders.set(format, reader);
    // A failed load (a broken install) is not remembered: the next document tries again.
    reader.catch(() => loadedReaders.delete(format));
  }
  return reader;
}

async function loadReader(format: SourceFormat): Promise<Reader> {
  switch (format) {
    case 'txt':
      return (bytes) => readText(bytes, 'txt');
    case 'md':
      return (bytes) => readText(bytes, 'md');
    case 'html':
      return (await import('./html/read-html.ts')).readHtml;
    case 'docx':
      return (await import('./docx/read-docx.ts')).readDocx;
    case 'pdf':
      return (await import('./pdf/read-pdf.ts')).readPdf;
    case 'doc':
      return (await import('./doc/read-doc.ts')).readDoc;
    case 'image':
      return (await import('./image/read-page-images.ts')).readPageImages;
  }
}

/** Reads a published annual report in any supported format: bytes in, report + provenance + findings out. */
export async function readReportDocument(
  bytes: Uint8Array,
  fileName = '',
  options: ReadOptions = {},
): Promise<Omit<IngestResult, 'scan'> & { format: SourceFormat; scan?: ScanSource }> {
  const format = detectFormat(bytes, fileName);
  const read = await readerFor(format);
  const doc = await read(bytes, fileName, options);
  const { scan: _none, ...result } = interpretDocument(doc);
  if (!doc.scan) return { ...result, format };
  // A scan: its doubtful cells are checked against the tables' arithmetic.
  const { proofreadScan } = await import('./ocr/proofread-scan.ts');
  const proofread = proofreadScan(doc, result);
  const { scan: summary, ...rest } = proofread;
  if (!summary) return { ...rest, format };
  const minConfidence = lowestConfidence(doc.lines.map((l) => l.confidence));
  return { ...rest, format, scan: { ...summary, minConfidence } };
}
