import { AppError } from '../../../core/errors.ts';
import { INGEST_LIMITS, type SourceLine } from '../source-document.ts';
import { HEADING_TAGS, type HtmlAttributes } from './html-events.ts';

/** Subtrees never read: scripts, styles, forms' option lists, embedded objects, site navigation. */
export const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'button',
  'nav',
]);

/**
 * Site chrome that is dropped only when it holds nothing that looks like the report: no table
 * and none of REPORT_WORDS (a CMS may put the report title inside <header>).
 */
const CONDITIONAL = new Set(['header', 'footer', 'aside']);
const REPORT_WORDS = /年度报告|政府信息公开|政务公开/;

/** Elements that end the current paragraph where they open and where they close. */
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'section',
  'article',
  'main',
  'address',
  'figure',
  'figcaption',
  'center',
  'form',
  'fieldset',
  'legend',
  'hr',
  'body',
  'html',
  'caption',
  ...HEADING_TAGS,
  'pre',
  ...CONDITIONAL,
]);

/** Tables nested deeper than this are read as plain text of the enclosing cell. */
const MAX_TABLE_DEPTH = 16;

interface Cell {
  entries: SourceLine[];
  nestedTable: boolean;
}

interface Row {
  cells: Cell[];
  line: number;
}

interface TableContext {
  rows: Row[];
  row: Row | null;
  cell: Cell | null;
  /** Where the finished table's lines go, and where text outside any cell goes meanwhile. */
  outer: SourceLine[];
}

/**
 * One per open element outside skipped subtrees, so that closing tags undo exactly what opening
 * did. Inside a skipped subtree only its depth is counted (scanHtml's events are balanced).
 */
type Frame =
  | { kind: 'conditional'; lines: SourceLine[]; outer: SourceLine[] }
  | { kind: 'other'; table: boolean; heading: boolean };

/** The frame of most elements, shared: frames are never changed once pushed. */
const PLAIN: Frame = { kind: 'other', table: false, heading: false };

/**
 * Turns the event stream of an HTML parser into SourceLines. Paragraph text accumulates until a
 * block boundary; table cells collect their own paragraphs and are flattened to one cell text
 * (paragraphs and <br> joined by a space) when the table turns out to be a data table, or passed
 * through as paragraphs when it is a layout table (a page wrapped in a one-cell table).
 */
export class HtmlLineBuilder {
  private readonly source: string;
  private readonly root: SourceLine[] = [];
  private readonly frames: Frame[] = [];
  private readonly tables: TableContext[] = [];
  private sink: SourceLine[] = this.root;
  private skipDepth = 0;
  private preDepth = 0;
  private parts: string[] = [];
  private paragraphLine: number | null = null;
  /** Levels of the open h1–h6 elements; a heading split by <br> stays a heading. */
  private readonly headings: number[] = [];
  private tableCount = 0;
  private lineCount = 0;
  private scanOffset = 0;
  private scanLine = 1;

  constructor(source: string) {
    this.source = source;
  }

  open(name: string, attributes: HtmlAttributes, offset: number): void {
    // Scripts, styles, navigation and hidden elements: nothing inside is looked at again.
    if (this.skipDepth > 0 || SKIPPED.has(name) || isHidden(attributes)) {
      this.skipDepth += 1;
      return;
    }
    if (name === 'br') {
      this.flush();
      this.frames.push(PLAIN);
      return;
    }
    const level = headingLevel(name);
    if (BLOCKS.has(name)) {
      this.flush();
      this.paragraphLine = this.lineAt(offset);
      if (level !== null) this.headings.push(level);
      if (name === 'pre') this.preDepth += 1;
    }
    if (CONDITIONAL.has(name)) {
      const frame: Frame = { kind: 'conditional', lines: [], outer: this.sink };
      this.frames.push(frame);
      this.sink = frame.lines;
      return;
    }
    // Tables nested deeper than MAX_TABLE_DEPTH are read as text: their tags are ignored.
    const table = isTableTag(name) && (name !== 'table' || this.tables.length < MAX_TABLE_DEPTH);
    this.frames.push(table || level !== null ? { kind: 'other', table, heading: level !== null } : PLAIN);
    if (table) this.openTablePart(name, offset);
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth -= 1;
      return;
    }
    const frame = this.frames.pop();
    if (BLOCKS.has(name)) {
      this.flush();
      if (name === 'pre') this.preDepth -= 1;
    }
    if (frame?.kind === 'other' && frame.heading) this.headings.pop();
    if (frame?.kind === 'conditional') {
      this.sink = frame.outer;
      const keep = frame.lines.some(
        (line) => line.inTable || line.cells.some((cell) => REPORT_WORDS.test(cell)),
      );
      if (keep) frame.outer.push(...frame.lines);
      return;
    }
    if (frame?.kind === 'other' && frame.table) this.closeTablePart(name);
  }

  text(data: string, offset: number): void {
    if (this.skipDepth > 0) return;
    if (this.preDepth > 0 && data.includes('\n')) {
      const pieces = data.split('\n');
      pieces.forEach((piece, index) => {
        if (index > 0) this.flush();
        this.appendText(piece, offset);
      });
      return;
    }
    this.appendText(data, offset);
  }

  /** The lines read, in document order; closes whatever the markup left open. */
  finish(): SourceLine[] {
    this.flush();
    while (this.tables.length > 0) this.closeTablePart('table');
    return this.root;
  }

  private appendText(data: string, offset: number): void {
    if (data.length === 0) return;
    if (this.paragraphLine === null && /\S/.test(data)) this.paragraphLine = this.lineAt(offset);
    this.parts.push(data);
  }

  private openTablePart(name: string, offset: number): void {
    if (name === 'table') {
      this.flush();
      this.tables.push({ rows: [], row: null, cell: null, outer: this.sink });
      return;
    }
    const table = this.tables.at(-1);
    if (!table) return;
    if (name === 'tr') {
      this.endCell(table);
      this.count();
      table.row = { cells: [], line: this.lineAt(offset) };
      table.rows.push(table.row);
    } else if (name === 'td' || name === 'th') {
      this.endCell(table);
      this.count();
      if (!table.row) {
        table.row = { cells: [], line: this.lineAt(offset) };
        table.rows.push(table.row);
      }
      table.cell = { entries: [], nestedTable: false };
      table.row.cells.push(table.cell);
      this.sink = table.cell.entries;
    }
  }

  private closeTablePart(name: string): void {
    const table = this.tables.at(-1);
    if (!table) return;
    if (name === 'td' || name === 'th') {
      this.endCell(table);
    } else if (name === 'tr') {
      this.endCell(table);
      table.row = null;
    } else if (name === 'table') {
      this.endCell(table);
      this.tables.pop();
      this.sink = table.outer;
      const parentCell = this.tables.at(-1)?.cell;
      if (parentCell) parentCell.nestedTable = true;
      this.sink.push(...this.tableLines(table));
    }
  }

  private endCell(table: TableContext): void {
    this.flush();
    table.cell = null;
    this.sink = table.outer;
  }

  private tableLines(table: TableContext): SourceLine[] {
    if (table.rows.some((row) => row.cells.some(isLayoutCell))) {
      return table.rows.flatMap((row) => row.cells.flatMap((cell) => cell.entries));
    }
    const index = this.tableCount;
    const lines: SourceLine[] = [];
    for (const row of table.rows) {
      const texts = row.cells.map(cellText);
      if (texts.every((text) => text === '')) continue;
      lines.push({ cells: texts, inTable: true, line: row.line, table: index });
    }
    if (lines.length > 0) this.tableCount += 1;
    return lines;
  }

  private flush(): void {
    // Called at every block and cell boundary, most of which close no text.
    if (this.parts.length === 0) {
      this.paragraphLine = null;
      return;
    }
    const text = collapseSpace(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    if (text !== '') {
      this.count();
      const line: SourceLine = { cells: [text], inTable: false, line: this.paragraphLine ?? this.scanLine };
      const heading = this.headings.at(-1);
      if (heading !== undefined) line.heading = heading;
      this.sink.push(line);
    }
    this.parts = [];
    this.paragraphLine = null;
  }

  /**
   * Counts paragraphs, rows and cells against INGEST_LIMITS.maxLines: all three cost memory until
   * the document ends, and no real report comes near the limit.
   */
  private count(): void {
    this.lineCount += 1;
    if (this.lineCount > INGEST_LIMITS.maxLines) {
      throw new AppError(
        'DOCUMENT_REFUSED',
        `HTML 内容超过上限（${INGEST_LIMITS.maxLines} 个段落、表格行和单元格），无法读取`,
      );
    }
  }

  /** 1-based source line of a character offset; offsets arrive in increasing order. */
  private lineAt(offset: number): number {
    while (this.scanOffset < offset) {
      const next = this.source.indexOf('\n', this.scanOffset);
      if (next === -1 || next >= offset) {
        this.scanOffset = offset;
        break;
      }
      this.scanLine += 1;
      this.scanOffset = next + 1;
    }
    return this.scanLine;
  }
}

/** The paragraphs of a data table's cell as one text. */
function cellText(cell: Cell): string {
  const { entries } = cell;
  if (entries.length === 0) return '';
  if (entries.length === 1 && entries[0]!.cells.length === 1) return entries[0]!.cells[0]!;
  return entries.map((entry) => entry.cells.join(' ')).join(' ');
}

/**
 * HTML white space (space, tab, line feed, carriage return, form feed) collapsed to one space and
 * trimmed; most texts have none to collapse and are returned as they are, after one pass.
 */
function collapseSpace(text: string): string {
  let clean = true;
  let previousSpace = true;
  for (let i = 0; i < text.length && clean; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      clean = !previousSpace;
      previousSpace = true;
    } else if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c) {
      clean = false;
    } else {
      previousSpace = false;
    }
  }
  // trim() also takes other white space (U+3000, U+00A0…) off the ends.
  if (clean && !previousSpace && text.trim().length === text.length) return text;
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** 1–6 for h1–h6, null for every other element (most of them: no regular expression per tag). */
function headingLevel(name: string): number | null {
  if (name.length !== 2 || name.charCodeAt(0) !== 0x68) return null;
  const digit = name.charCodeAt(1) - 0x30;
  return digit >= 1 && digit <= 6 ? digit : null;
}

function isTableTag(name: string): boolean {
  return name === 'table' || name === 'tr' || name === 'td' || name === 'th';
}

function isHidden(attributes: HtmlAttributes): boolean {
  if (attributes.hidden) return true;
  const style = attributes.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * A cell that holds page structure rather than a value: a nested table, a heading, or prose
 * (several paragraphs adding up to more than a short label).
 */
function isLayoutCell(cell: Cell): boolean {
  if (cell.nestedTable) return true;
  if (cell.entries.some((entry) => entry.heading !== undefined)) return true;
  let length = 0;
  for (const entry of cell.entries) for (const text of entry.cells) length += text.length;
  return length > 2_000 || (cell.entries.length >= 3 && length > 200);
}
