import { AppError } from '../../../core/errors.ts';
import { INGEST_LIMITS, type SourceLine } from '../source-document.ts';
import { ListCounters, type Numbering } from './docx-numbering.ts';
import { type HeadingStyles, headingLevelOfOutline, headingLevelOfStyleId } from './docx-styles.ts';
import { scanXml } from './xml-scanner.ts';

/** The elements the reader is told about (by local name), numbered for the scanner. */
const P = 1;
const P_PR = 2;
const P_STYLE = 3;
const OUTLINE_LVL = 4;
const R = 5;
const T = 6;
const TAB = 7;
const NO_BREAK_HYPHEN = 8;
const TBL = 9;
const TR = 10;
const TC = 11;
const V_MERGE = 12;
const ILVL = 13;
const NUM_ID = 14;
/** Subtrees whose text is not what the reader sees: numbered from SKIPPED on. */
const SKIPPED = 20;
/**
 * Formatting subtrees that hold no text and nothing the reader uses (a run's or a paragraph
 * mark's font and size, table, row and section properties): most of the bytes of a Word file,
 * skipped by the scanner without being tokenized, numbered from FORMATTING on. Cell properties
 * (w:tcPr) are read: w:vMerge.
 */
const FORMATTING = 40;

const ELEMENTS: ReadonlyMap<string, number> = new Map([
  ['p', P],
  ['pPr', P_PR],
  ['pStyle', P_STYLE],
  ['outlineLvl', OUTLINE_LVL],
  ['r', R],
  ['t', T],
  ['tab', TAB],
  ['br', TAB],
  ['cr', TAB],
  ['noBreakHyphen', NO_BREAK_HYPHEN],
  ['tbl', TBL],
  ['tr', TR],
  ['tc', TC],
  ['vMerge', V_MERGE],
  ['ilvl', ILVL],
  ['numId', NUM_ID],
  // The VML duplicate of a text box, tracked deletions and moves, the old formatting kept by
  // tracked changes.
  ...['Fallback', 'del', 'moveFrom', 'pPrChange', 'rPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange'].map(
    (name, index) => [name, SKIPPED + index] as [string, number],
  ),
  ...['rPr', 'tblPr', 'tblGrid', 'trPr', 'sectPr'].map(
    (name, index) => [name, FORMATTING + index] as [string, number],
  ),
]);

interface Paragraph {
  parts: string[];
  line: number;
  styleId: string | null;
  outlineLevel: number | null;
  /** w:numPr: the list the paragraph is numbered in, and its level. */
  numId: string | null;
  ilvl: number;
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
 * A paragraph numbered by Word's automatic numbering (w:numPr, defined in numbering.xml) starts
 * with its number as Word prints it ("一、", "（一）", "1.").
 */
export function readDocumentXml(
  xml: Uint8Array,
  headings: HeadingStyles,
  numbering?: Numbering,
): SourceLine[] {
  const lines: SourceLine[] = [];
  const counters = numbering ? new ListCounters(numbering) : null;
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
    const { parts } = paragraph;
    const number = counters && paragraph.numId !== null ? counters.next(paragraph.numId, paragraph.ilvl) : '';
    const text = `${number}${(parts.length === 1 ? parts[0]! : parts.join('')).trim()}`;
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
    const cells: string[] = [];
    let filled = false;
    for (const c of row.cells) {
      if (c.continued) continue;
      const text = c.paragraphs.length === 1 ? c.paragraphs[0]! : c.paragraphs.join(' ');
      cells.push(text);
      if (text !== '') filled = true;
    }
    if (filled) {
      if (!tableEmitted) {
        tableIndex += 1;
        tableEmitted = true;
      }
      emit({ cells, inTable: true, line: row.line, table: tableIndex });
    }
    row = null;
  };

  scanXml(xml, {
    elements: ELEMENTS,
    open(element, attributes) {
      if (skipDepth > 0 || (element >= SKIPPED && element < FORMATTING)) {
        skipDepth += 1;
        return;
      }
      switch (element) {
        case P:
          if (tableDepth === 0) position += 1;
          paragraphs.push({
            parts: [],
            line: position,
            styleId: null,
            outlineLevel: null,
            numId: null,
            ilvl: 0,
          });
          break;
        case P_PR:
          pPrDepth += 1;
          break;
        case P_STYLE:
          if (pPrDepth > 0 && paragraphs.length > 0)
            paragraphs[paragraphs.length - 1]!.styleId = attributes.get('w:val') ?? null;
          break;
        case OUTLINE_LVL:
          if (pPrDepth > 0 && paragraphs.length > 0) {
            paragraphs[paragraphs.length - 1]!.outlineLevel = Number(attributes.get('w:val'));
          }
          break;
        case ILVL:
          if (pPrDepth > 0 && paragraphs.length > 0)
            paragraphs.at(-1)!.ilvl = Number(attributes.get('w:val')) || 0;
          break;
        case NUM_ID:
          if (pPrDepth > 0 && paragraphs.length > 0)
            paragraphs.at(-1)!.numId = attributes.get('w:val') ?? null;
          break;
        case R:
          runDepth += 1;
          break;
        case T:
          if (runDepth > 0) textDepth += 1;
          break;
        case TAB:
          if (runDepth > 0 && pPrDepth === 0) paragraphs.at(-1)?.parts.push(' ');
          break;
        case NO_BREAK_HYPHEN:
          if (runDepth > 0) paragraphs.at(-1)?.parts.push('-');
          break;
        case TBL:
          tableDepth += 1;
          if (tableDepth === 1) tableEmitted = false;
          break;
        case TR:
          if (tableDepth === 1) {
            endRow();
            position += 1;
            row = { cells: [], line: position };
          }
          break;
        case TC:
          if (tableDepth === 1 && row) {
            cell = { paragraphs: [], continued: false };
            row.cells.push(cell);
          }
          break;
        case V_MERGE:
          // <w:vMerge/> and w:val="continue" continue the cell above; "restart" starts a merge.
          if (tableDepth === 1 && cell && attributes.get('w:val') !== 'restart') cell.continued = true;
          break;
      }
    },
    skipContent: (element) => element >= FORMATTING,
    text(text) {
      if (skipDepth === 0 && textDepth > 0) paragraphs.at(-1)?.parts.push(text.read());
    },
    close(element) {
      if (skipDepth > 0) {
        skipDepth -= 1;
        return;
      }
      switch (element) {
        case P:
          endParagraph();
          break;
        case P_PR:
          pPrDepth -= 1;
          break;
        case R:
          runDepth -= 1;
          break;
        case T:
          if (textDepth > 0) textDepth -= 1;
          break;
        case TC:
          if (tableDepth === 1) cell = null;
          break;
        case TR:
          if (tableDepth === 1) endRow();
          break;
        case TBL:
          if (tableDepth === 1) endRow();
          tableDepth -= 1;
          break;
      }
    },
  });
  return lines;
}
