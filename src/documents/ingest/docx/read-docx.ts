import { Buffer } from 'node:buffer';
import { AppError } from '../../../core/errors.ts';
import { inflateZipEntry, readZipDirectory, storedZipEntry, type ZipEntry } from '../../zip/zip-entries.ts';
import { refuseEmptyOrOversized, type SourceDocument } from '../source-document.ts';
import { readCoreProperties } from './docx-core-properties.ts';
import { readDocumentXml } from './docx-document.ts';
import { readNumbering } from './docx-numbering.ts';
import { type HeadingStyles, readHeadingStyles } from './docx-styles.ts';

/** First bytes of an OLE compound file: a Word 97–2003 .doc, or an encrypted .docx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads a Word .docx: body paragraphs and tables of word/document.xml (text boxes included;
 * page headers, footers and footnotes are not read), headings resolved through word/styles.xml.
 * No page numbers: `line` is the running paragraph/row index.
 *
 * The zip's central directory is checked against INGEST_LIMITS before anything is inflated, and
 * inflation stops at the declared size. Throws AppError UNSUPPORTED_FORMAT for a .doc, an
 * encrypted file or bytes that are not a zip, DOCUMENT_REFUSED for a zip without
 * word/document.xml, a limit exceeded, damaged data or a document without text.
 */
export async function readDocx(bytes: Uint8Array, _fileName?: string): Promise<SourceDocument> {
  refuseEmptyOrOversized(bytes, 'DOCX');
  if (OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      '文件是旧版 Word（.doc）或已加密的 DOCX，无法读取；请另存为未加密的 .docx',
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new AppError('UNSUPPORTED_FORMAT', '不是 DOCX 文件（不是 ZIP 压缩包）');
  }
  const entries = readZipDirectory(bytes);
  const documentEntry = findEntry(entries, 'word/document.xml');
  if (!documentEntry) {
    throw new AppError('UNSUPPORTED_FORMAT', 'ZIP 压缩包中没有 word/document.xml，不是 Word 文档');
  }
  const stylesEntry = findEntry(entries, 'word/styles.xml');
  const headings: HeadingStyles = stylesEntry ? headingStylesOf(bytes, stylesEntry) : new Map();
  const numberingEntry = findEntry(entries, 'word/numbering.xml');
  const numbering = numberingEntry
    ? readNumbering(asUtf8(inflateZipEntry(bytes, numberingEntry)))
    : undefined;
  const lines = readDocumentXml(asUtf8(inflateZipEntry(bytes, documentEntry)), headings, numbering);
  if (lines.length === 0) throw new AppError('DOCUMENT_REFUSED', 'DOCX 中没有可读取的文字');
  const coreEntry = findEntry(entries, 'docprops/core.xml');
  const properties = coreEntry
    ? readCoreProperties(Buffer.from(asUtf8(inflateZipEntry(bytes, coreEntry))).toString('utf8'))
    : [];
  return properties.length > 0 ? { format: 'docx', lines, properties } : { format: 'docx', lines };
}

/**
 * Heading styles of the styles.xml parts read lately, by the part's stored bytes: reports made
 * from one template (or by one system) share the part byte for byte, and reading it again costs
 * as much as a tenth of the document. A part is matched by comparing all its bytes, so a
 * document can only ever get the styles of a part identical to its own.
 */
const recentStyles: Array<{ method: number; size: number; stored: Buffer; headings: HeadingStyles }> = [];
const MAX_RECENT_STYLES = 16;
/** Larger parts are not kept: the cache holds at most 16 of this size. */
const MAX_CACHED_STYLES_BYTES = 256 * 1024;

function headingStylesOf(bytes: Uint8Array, entry: ZipEntry): HeadingStyles {
  const stored = storedZipEntry(bytes, entry);
  // The declared size counts too: it decides whether inflating the part is refused.
  const known = recentStyles.find(
    (recent) =>
      recent.method === entry.method &&
      recent.size === entry.uncompressedSize &&
      recent.stored.equals(stored),
  );
  if (known) return known.headings;
  const headings = readHeadingStyles(asUtf8(inflateZipEntry(bytes, entry)));
  if (stored.byteLength > MAX_CACHED_STYLES_BYTES) return headings;
  if (recentStyles.length >= MAX_RECENT_STYLES) recentStyles.shift();
  // A copy: the document's bytes are not kept alive by the cache.
  recentStyles.push({
    method: entry.method,
    size: entry.uncompressedSize,
    stored: Buffer.from(stored),
    headings,
  });
  return headings;
}

/** Part names are case-insensitive in OPC; writers sometimes differ in case. */
function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  return entries.find((entry) => entry.name.toLowerCase() === name);
}

/**
 * XML parts are UTF-8 (BOM optional: it is not markup and is skipped as text) or, rarely, UTF-16
 * with a BOM, which is re-encoded: the XML scanner reads UTF-8 bytes.
 */
function asUtf8(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return Buffer.from(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf8');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return Buffer.from(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf8');
  }
  return bytes;
}
