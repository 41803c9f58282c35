import { AppError } from '../../../core/errors.ts';
import { assertLooksLikeText, decodeText } from '../decode-text.ts';
import { INGEST_LIMITS, type SourceDocument, type SourceLine } from '../source-document.ts';
import { looksLikeCellPerLine, regroupCellLines } from './cell-per-line.ts';
import { looksConcatenated, readConcatenated } from './concatenated.ts';

const MD_TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/**
 * A CommonMark backslash escape: "\" before ASCII punctuation prints that punctuation. Our own
 * Markdown renderer escapes \ ` * _ < | and a leading # > + = - or "1." this way; without
 * unescaping, "<http://…>" in a section came back as "\<http://…>".
 */
const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const unescapeMd = (text: string): string => text.replace(MD_ESCAPE, '$1');

/**
 * Plain text and Markdown: one SourceLine per non-empty physical line. A line with tabs is a
 * table row (tab-separated exports keep empty leading cells); a Markdown pipe table row is split
 * on "|". Markdown heading marks set `heading` and, like bold marks, are removed from the text.
 * Space-separated table rows (text extracted from a PDF) stay one cell: the interpreter splits them.
 */
export async function readText(bytes: Uint8Array, format: 'txt' | 'md' = 'txt'): Promise<SourceDocument> {
  if (bytes.length > INGEST_LIMITS.maxFileBytes) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `文件过大（上限 ${INGEST_LIMITS.maxFileBytes / 1024 / 1024} MiB）`,
    );
  }
  const text = decodeText(bytes);
  assertLooksLikeText(text);
  const lines: SourceLine[] = [];
  const physical = text.split(/\r\n|\r|\n/);
  if (format === 'txt' && looksLikeCellPerLine(physical)) {
    const lines = regroupCellLines(physical);
    if (lines.length > INGEST_LIMITS.maxLines)
      throw new AppError('DOCUMENT_REFUSED', '文件行数过多，不像一份年度报告');
    return { format, lines };
  }
  if (format === 'txt' && looksConcatenated(physical)) {
    const { lines, findings } = readConcatenated(text);
    return { format, lines, findings };
  }
  let tableIndex = -1;
  let previousWasTable = false;
  for (let i = 0; i < physical.length; i += 1) {
    let raw = physical[i]!;
    if (raw.trim() === '') continue;
    if (lines.length >= INGEST_LIMITS.maxLines)
      throw new AppError('DOCUMENT_REFUSED', '文件行数过多，不像一份年度报告');
    let heading: number | undefined;
    const md = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(raw);
    if (md) {
      heading = md[1]!.length;
      raw = md[2]!;
    }
    raw = raw.replace(/\*\*/g, '');
    let cells: string[];
    let inTable = false;
    if (raw.includes('\t')) {
      cells = raw.split('\t').map((c) => c.trim());
      inTable = true;
    } else if (format === 'md' && /^\s*\|.*\|\s*$/.test(raw)) {
      if (MD_TABLE_SEPARATOR.test(raw)) continue;
      cells = raw
        .trim()
        .slice(1, -1)
        // An escaped "\|" is text inside a cell, not a cell border.
        .split(/(?<!\\)\|/)
        .map((c) => unescapeMd(c.trim()));
      inTable = true;
    } else {
      // Bold marks are already gone, so an escaped "\*\*" comes back as "**" text.
      cells = [format === 'md' ? unescapeMd(raw.trim()) : raw.trim()];
    }
    if (inTable && !previousWasTable) tableIndex += 1;
    previousWasTable = inTable;
    const line: SourceLine = { cells, inTable, line: i + 1 };
    if (heading !== undefined) line.heading = heading;
    if (inTable) line.table = tableIndex;
    lines.push(line);
  }
  return { format, lines };
}
