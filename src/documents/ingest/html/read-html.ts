import { AppError } from '../../../core/errors.ts';
import { refuseEmptyOrOversized, type SourceDocument } from '../source-document.ts';
import { decodeHtml } from './html-encoding.ts';
import { scanHtml } from './html-events.ts';
import { HtmlLineBuilder } from './html-line-builder.ts';
import { readHtmlMeta } from './html-meta.ts';

/**
 * Open elements deeper than this are refused: no page nests so deep, and every open element
 * costs the line builder a frame until it closes (50 MB of unclosed <span>).
 */
export const MAX_HTML_DEPTH = 1_000;

/**
 * Reads an HTML page (a report published on a government site, or a Word "save as web page").
 * Paragraphs (p, div text, li, h1–h6, br-separated text) become one-cell lines, every <tr> of a
 * data table one line with its cells; `line` is the source line of the element.
 *
 * Throws AppError DOCUMENT_REFUSED for files over INGEST_LIMITS.maxFileBytes, binary content,
 * nesting deeper than MAX_HTML_DEPTH, more than INGEST_LIMITS.maxLines lines, or no text at all.
 */
export async function readHtml(bytes: Uint8Array, _fileName?: string): Promise<SourceDocument> {
  refuseEmptyOrOversized(bytes, 'HTML');
  if (looksBinary(bytes)) {
    throw new AppError('UNSUPPORTED_FORMAT', '不是 HTML 文件（含二进制内容）');
  }
  const { text } = decodeHtml(bytes);
  const builder = new HtmlLineBuilder(text);
  let depth = 0;
  scanHtml(text, {
    open(name, attributes, offset) {
      depth += 1;
      if (depth > MAX_HTML_DEPTH) {
        throw new AppError('DOCUMENT_REFUSED', `HTML 标签嵌套超过 ${MAX_HTML_DEPTH} 层，无法读取`);
      }
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
