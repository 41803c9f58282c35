import { readValue } from '../interpret/cell-values.ts';
import { formRowWidth } from '../interpret/form-row-width.ts';
import { captionOf } from '../interpret/sections.ts';
import type { SourceLine } from '../source-document.ts';

/**
 * Word 97–2003 text as word-extractor gives it: paragraphs end with "\n"; every table cell ends
 * with a tab (the cell mark \x07), and a row's end mark shows as a tab or a "\n" depending on how
 * the row was written; cells merged away by a vertical merge still print as empty cells. Row
 * boundaries therefore cannot be read from the marks, but every cell is exactly one token, so the
 * rows are rebuilt by the form's shape: a row label followed by its cells, read positionally (an
 * empty token is a blank cell).
 */

interface Token {
  text: string;
  /** 1-based paragraph of the document the token is in. */
  line: number;
  /** Cell of a table (the token ended with a cell mark). */
  cell: boolean;
}

const isValue = (text: string): boolean => {
  if (text === '') return false;
  const v = readValue(text);
  return v !== null && v.kind !== 'empty';
};

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  const paragraphs = body.split('\n');
  paragraphs.forEach((paragraph, p) => {
    if (!paragraph.includes('\t')) {
      tokens.push({ text: paragraph.trim(), line: p + 1, cell: false });
      return;
    }
    const cells = paragraph.split('\t');
    // The text after the last cell mark is a paragraph that follows the table row, or nothing.
    const rest = cells.pop()!;
    for (const c of cells) tokens.push({ text: c.trim(), line: p + 1, cell: true });
    if (rest.trim() !== '') tokens.push({ text: rest.trim(), line: p + 1, cell: false });
  });
  return tokens;
}

/** Rebuilds the document's lines: paragraphs as single-cell lines, table rows as label + cells. */
export function docTextLines(body: string): SourceLine[] {
  const tokens = tokenize(body);
  const lines: SourceLine[] = [];
  let section = 0;
  let table = -1;
  let previousWasTable = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.text === '') continue;
    if (!token.cell) {
      const line: SourceLine = { cells: [token.text], inTable: false, line: token.line };
      const caption = captionOf(line);
      if (caption) section = caption.number;
      lines.push(line);
      previousWasTable = false;
      continue;
    }
    if (!previousWasTable) table += 1;
    previousWasTable = true;
    const width = isValue(token.text) ? null : formRowWidth(section, token.text);
    let next = i + 1;
    while (section === 4 && next < tokens.length && tokens[next]!.cell && tokens[next]!.text === '')
      next += 1;
    if (width === null || next >= tokens.length || !isValue(tokens[next]!.text)) {
      lines.push({ cells: [token.text], inTable: true, line: token.line, table });
      continue;
    }
    const cells = [token.text];
    let j = next;
    // The row's cells, positionally; a label ends the row early (the rest are missing, not blank).
    while (j < tokens.length && cells.length <= width && tokens[j]!.cell) {
      const text = tokens[j]!.text;
      if (text !== '' && !isValue(text)) break;
      cells.push(text);
      j += 1;
    }
    // Values printed beyond the form's columns are kept (the interpreter makes them extras).
    while (j < tokens.length && tokens[j]!.cell && isValue(tokens[j]!.text)) {
      cells.push(tokens[j]!.text);
      j += 1;
    }
    lines.push({ cells, inTable: true, line: token.line, table });
    i = j - 1;
  }
  return lines;
}
