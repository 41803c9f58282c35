import { AppError } from '../../../core/errors.ts';
import {
  INGEST_LIMITS,
  markupDepthExceeded,
  markupElementsExceeded,
  refuseEmptyOrOversized,
  type SourceDocument,
} from '../source-document.ts';
import { decodeHtml } from './html-encoding.ts';
import { scanHtml } from './html-events.ts';
import { HtmlLineBuilder } from './html-line-builder.ts';
import { readHtmlMeta } from './html-meta.ts';

/**
 * Reads an HTML page (a report published on a government site, or a Word "save as web page").
 * Paragraphs (p, div text, li, h1–h6, br-separated text) become one-cell lines, every <tr> of a
 * data table one line with its cells; `line` is the source line of the element.
 *
 * Throws AppError DOCUMENT_REFUSED for files over INGEST_LIMITS.maxFileBytes, binary content,
 * more than INGEST_LIMITS.maxMarkupElements start tags (counted in the bytes before decoding, so a
 * page of millions of tiny elements costs no more than its bytes), nesting deeper than
 * INGEST_LIMITS.maxMarkupDepth (every open element costs the line builder a frame until it
 * closes), more than INGEST_LIMITS.maxLines lines, or no text at all.
 */
export async function readHtml(bytes: Uint8Array, _fileName?: string): Promise<SourceDocument> {
  refuseEmptyOrOversized(bytes, 'HTML');
  if (looksBinary(bytes)) {
    throw new AppError('UNSUPPORTED_FORMAT', '不是 HTML 文件（含二进制内容）');
  }
  if (startTagsOver(bytes, INGEST_LIMITS.maxMarkupElements)) throw markupElementsExceeded('HTML');
  // What the line builder skips unread (scripts, navigation…) is not even decoded.
  const { text } = decodeHtml(bytes, { withoutUnreadContents: true });
  const builder = new HtmlLineBuilder(text);
  let depth = 0;
  scanHtml(text, {
    open(name, attributes, offset) {
      depth += 1;
      if (depth > INGEST_LIMITS.maxMarkupDepth) throw markupDepthExceeded('HTML');
      builder.open(name, attributes, offset);
    },
    close(name) {
      depth -= 1;
      builder.close(name);
    },
    text(data, offset) {
      builder.text(data, offset);
    },
  });
  const lines = builder.finish();
  if (lines.length === 0) throw new AppError('DOCUMENT_REFUSED', 'HTML 中没有可读取的文字');
  const properties = readHtmlMeta(text);
  return properties.length > 0 ? { format: 'html', lines, properties } : { format: 'html', lines };
}

/** NUL bytes in the first 8 KB: a binary file (PDF, image, Office file) named .html. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  // UTF-16 text has NULs too; it is recognised by its BOM.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}

function isAsciiLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

/**
 * Whether the page has more than `limit` start tags ("<" and a letter), counted in its bytes: in
 * UTF-8, GB18030 and every other ASCII-compatible encoding "<" is byte 0x3C and nothing else; in
 * UTF-16 (recognised by its BOM) a code unit is two bytes. Comments and scripts are counted too,
 * which only overestimates.
 */
function startTagsOver(bytes: Uint8Array, limit: number): boolean {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 0 : bytes[0] === 0xfe && bytes[1] === 0xff ? 1 : -1;
  const step = utf16 === -1 ? 1 : 2;
  let count = 0;
  for (let at = bytes.indexOf(0x3c); at !== -1; at = bytes.indexOf(0x3c, at + 1)) {
    if (utf16 === -1) {
      if (!isAsciiLetter(bytes[at + 1])) continue;
    } else {
      // The low byte of a "<" code unit is at an even (LE) or odd (BE) offset, its other byte 0.
      if ((at - utf16) % 2 !== 0 || bytes[at + 1 - 2 * utf16] !== 0) continue;
      const next = at + step;
      if (bytes[next + 1 - 2 * utf16] !== 0 || !isAsciiLetter(bytes[next])) continue;
    }
    count += 1;
    if (count > limit) return true;
  }
  return false;
}
