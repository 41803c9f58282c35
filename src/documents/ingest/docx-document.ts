import { AppError } from '../../core/errors.ts';
import { type HeadingStyles, headingLevelOfOutline, headingLevelOfStyleId } from './docx-styles.ts';
import { INGEST_LIMITS, type SourceLine } from './source-document.ts';
import { scanXml } from './xml-scanner.ts';

/**
 * Subtrees whose text is not what the reader sees: the VML duplicate of a text box
 * (mc:Fallback), tracked deletions and moves, and the old formatting kept by tracked changes.
 */
const SKIPPED = new Set([
  'Fallback',
  'del',
  'moveFrom',
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
]);

/**
 * Formatting subtrees that hold no text and nothing the reader uses (a run's or a paragraph
 * mark's font and size, table, row and section properties): most of the bytes of a Word file,
 * skipped by the scanner without being tokenized. Cell properties (w:tcPr) are read: w:vMerge.
 */
const FORMATTING = new Set(['rPr', 'tblPr', 'tblGrid', 'trPr', 'sectPr']);

interface Paragraph {
  parts: string[];
  line: number;
  styleId: string | null;
  outlineLevel: number | null;
}

interface Cell {
  paragraphs: string[];
  /** A w:vMerge continuation: part of the cell above, left out of the row. */
  continued: boolean;
}

interface Row {
  cells: Cell[];
  line: number;
}

/**
 * Reads word/document.xml into SourceLines: every top-level paragraph with text is a one-cell
 * line (with `heading` from its style or outline level), every row of a top-level table a line
 * with one cell per w:tc (paragraphs of a cell joined by a space; tables nested in a cell are
 * flattened into its text; vMerge continuations omitted). `line` counts top-level paragraphs and
 * table rows, 1-based, empty ones included, so it points at a position in the document.
 */
export function readDocumentXml(xml: Uint8Array, headings: HeadingStyles): SourceLine[] {
  const lines: SourceLine[] = [];
  const paragraphs: Paragraph[] = [];
  let skipDepth = 0;
  let runDepth = 0;
  let textDepth = 0;
  let pPrDepth = 0;
  let tableDepth = 0;
  let tableIndex = -1;
  let tableEmitted = false;
  let row: Row | null = null;
  let cell: Cell | null = null;
  let position = 0;

  const emit = (line: SourceLine): void => {
    if (lines.length >= INGEST_LIMITS.maxLines) {
      throw new AppError('DOCUMENT_REFUSED', `DOCX 内容超过 ${INGEST_LIMITS.maxLines} 行的上限，无法读取`);
    }
    lines.push(line);
  };

  const endParagraph = (): void => {
    const paragraph = paragraphs.pop();
    if (!paragraph) return;
    const text = paragraph.parts.join('').trim();
    if (cell) {
      if (text !== '') cell.paragraphs.push(text);
      return;
    }
    if (text === '') return;
    const line: SourceLine = { cells: [text], inTable: false, line: paragraph.line };
    const level =
      headingLevelOfOutline(paragraph.outlineLevel) ??
      (paragraph.styleId === null
        ? null
        : (headings.get(paragraph.styleId) ?? headingLevelOfStyleId(paragraph.styleId)));
    if (level !== null) line.heading = level;
    emit(line);
  };

  const endRow = (): void => {
    if (!row) return;
    const cells = row.cells.filter((c) => !c.continued).map((c) => c.paragraphs.join(' '));
    if (cells.some((text) => text !== '')) {
      if (!tableEmitted) {
        tableIndex += 1;
        tableEmitted = true;
      }
      emit({ cells, inTable: true, line: row.line, table: tableIndex });
    }
    row = null;
  };

  scanXml(xml, {
    open(_tag, attributes, name) {
      if (skipDepth > 0 || SKIPPED.has(name)) {
        skipDepth += 1;
        return;
      }
      switch (name) {
        case 'p':
          if (tableDepth === 0) position += 1;
          paragraphs.push({ parts: [], line: position, styleId: null, outlineLevel: null });
          break;
        case 'pPr':
          pPrDepth += 1;
          break;
        case 'pStyle':
          if (pPrDepth > 0 && paragraphs.length > 0)
            paragraphs[paragraphs.length - 1]!.styleId = attributes.get('w:val') ?? null;
          break;
        case 'outlineLvl':
          if (pPrDepth > 0 && paragraphs.length > 0) {
            paragraphs[paragraphs.length - 1]!.outlineLevel = Number(attributes.get('w:val'));
          }
          break;
        case 'r':
          runDepth += 1;
          break;
        case 't':
          if (runDepth > 0) textDepth += 1;
          break;
        case 'tab':
        case 'br':
        case 'cr':
          if (runDepth > 0 && pPrDepth === 0) paragraphs.at(-1)?.parts.push(' ');
          break;
        case 'noBreakHyphen':
          if (runDepth > 0) paragraphs.at(-1)?.parts.push('-');
          break;
        case 'tbl':
          tableDepth += 1;
          if (tableDepth === 1) tableEmitted = false;
          break;
        case 'tr':
          if (tableDepth === 1) {
            endRow();
            position += 1;
            row = { cells: [], line: position };
          }
          break;
        case 'tc':
          if (tableDepth === 1 && row) {
            cell = { paragraphs: [], continued: false };
            row.cells.push(cell);
          }
          break;
        case 'vMerge':
          // <w:vMerge/> and w:val="continue" continue the cell above; "restart" starts a merge.
          if (tableDepth === 1 && cell && attributes.get('w:val') !== 'restart') cell.continued = true;
          break;
      }
    },
    skipContent: (_tag, name) => FORMATTING.has(name),
    text(text) {
      if (skipDepth === 0 && textDepth > 0) paragraphs.at(-1)?.parts.push(text.read());
    },
    close(_tag, name) {
      if (skipDepth > 0) {
        skipDepth -= 1;
        return;
      }
      switch (name) {
        case 'p':
          endParagraph();
          break;
        case 'pPr':
          pPrDepth -= 1;
          break;
        case 'r':
          runDepth -= 1;
          break;
        case 't':
          if (textDepth > 0) textDepth -= 1;
          break;
        case 'tc':
          if (tableDepth === 1) cell = null;
          break;
        case 'tr':
          if (tableDepth === 1) endRow();
          break;
        case 'tbl':
          if (tableDepth === 1) endRow();
          tableDepth -= 1;
          break;
      }
    },
  });
  return lines;
}
