import { placeInGrid } from './pdf-grid.ts';
import type { PageRules } from './pdf-rules.ts';
import { cleanRuns, groupLines, joinRuns, type PlacedRun, type RunLine, type TextRun } from './pdf-runs.ts';
import { isNumericText, isPageNumberText, joinText } from './pdf-text.ts';

/** A line of one page, before page and document numbering. */
export interface PageLine {
  cells: string[];
  /** Left and right edge of each cell (viewport space). */
  spans: [number, number][];
  inTable: boolean;
  /** Page-local id of the table the line belongs to, when inTable. */
  group?: number;
  /** Top of the line (viewport space), for ordering. */
  top: number;
}

/** A gap wider than this many font sizes between two runs on a line starts a new cell. */
export const CELL_GAP_EMS = 1.5;
/** Share of the page height at the top and bottom where page numbers are looked for. */
const MARGIN_SHARE = 0.1;
/** Cell starts within this many points are the same column. */
const COLUMN_TOLERANCE = 3;

interface FreeLine {
  cells: { text: string; x0: number; x1: number }[];
  cy: number;
  size: number;
  top: number;
  inTable: boolean;
}

/**
 * Rebuilds the lines of one page from its text runs and rules.
 *
 * Ruled tables (the usual case: Word, WPS, LibreOffice and browsers all draw cell borders) are
 * read cell by cell (pdf-grid.ts), so text wrapped inside a cell stays in its cell. Other text is
 * grouped into physical lines by vertical centre (within half a font size) and split into cells
 * at gaps wider than CELL_GAP_EMS font sizes. Such a line is a table row when it has two or more
 * numeric cells, or two or more cells whose left edges line up with a neighbouring multi-cell
 * line. A text-only line tight above or below a numeric row, ending left of its first number,
 * is taken as the wrapped label of that row and merged into it. Lines in the top or bottom
 * tenth of the page that are only a page number are dropped.
 */
export function layoutPage(
  runs: TextRun[],
  rules: PageRules | null,
  width: number,
  height: number,
): PageLine[] {
  const grid = placeInGrid(cleanRuns(runs), rules, width, height);
  const free = mergeWrappedLabels(
    groupLines(grid.free)
      .map(toFreeLine)
      .filter((line) => !isPageFurniture(line, height)),
  );
  markFreeTables(free);

  const lines: PageLine[] = [];
  const gridGroups = new Map<number, number>();
  let groups = 0;
  for (const row of grid.rows) {
    let group = gridGroups.get(row.grid);
    if (group === undefined) {
      group = groups++;
      gridGroups.set(row.grid, group);
    }
    lines.push({ cells: row.cells, spans: row.spans, inTable: true, group, top: row.top });
  }
  let previousInTable = false;
  for (const line of free) {
    if (line.inTable && !previousInTable) groups += 1;
    previousInTable = line.inTable;
    const pageLine: PageLine = {
      cells: line.cells.map((cell) => cell.text),
      spans: line.cells.map((cell): [number, number] => [cell.x0, cell.x1]),
      inTable: line.inTable,
      top: line.top,
    };
    if (line.inTable) pageLine.group = groups - 1;
    lines.push(pageLine);
  }
  return lines.sort((a, b) => a.top - b.top);
}

function toFreeLine(line: RunLine): FreeLine {
  const cells: FreeLine['cells'] = [];
  let group: PlacedRun[] = [];
  let right = Number.NEGATIVE_INFINITY;
  const flush = (): void => {
    if (group.length === 0) return;
    cells.push({ text: joinRuns(group), x0: group[0]!.x0, x1: right });
    group = [];
    right = Number.NEGATIVE_INFINITY;
  };
  for (const run of line.runs) {
    const previous = group[group.length - 1];
    if (previous && run.x0 - previous.x1 > CELL_GAP_EMS * line.size) flush();
    group.push(run);
    right = Math.max(right, run.x1);
  }
  flush();
  return { cells, cy: line.cy, size: line.size, top: line.cy - line.size * 0.6, inTable: false };
}

function isPageFurniture(line: FreeLine, height: number): boolean {
  const inMargin = line.cy < height * MARGIN_SHARE || line.cy > height * (1 - MARGIN_SHARE);
  return inMargin && isPageNumberText(line.cells.map((cell) => cell.text).join(' '));
}

function numericCount(line: FreeLine): number {
  return line.cells.filter((cell) => isNumericText(cell.text)).length;
}

/**
 * Best effort for borderless tables: a label that wraps puts its extra physical lines above
 * and/or below the numbers of its row (above too when cells are vertically centred). Such a
 * line (no numbers, no more than two cells, ending before the row's first number, within 1.6
 * font sizes of the row, not a section caption like "五、…") is folded into the row's
 * overlapping label cell, in reading order. Returns the lines left.
 */
function mergeWrappedLabels(input: FreeLine[]): FreeLine[] {
  const numbers = new Map(input.map((line) => [line, numericCount(line)]));
  const lines: FreeLine[] = [];
  for (let i = 0; i < input.length; i += 1) {
    const line = input[i]!;
    const best =
      numbers.get(line)! > 0 ||
      line.cells.length > 2 ||
      /^[一二三四五六七八九十]+、/.test(line.cells[0]?.text ?? '')
        ? null
        : rowOfWrappedLabel(line, [lines[lines.length - 1], input[i + 1]], numbers);
    if (!best) {
      lines.push(line);
      continue;
    }
    const above = line.cy < best.cy;
    for (const cell of line.cells) {
      const target = best.cells.find(
        (other) => other.x0 < cell.x1 && cell.x0 < other.x1 && !isNumericText(other.text),
      );
      if (target) {
        target.text = above ? joinText(cell.text, target.text) : joinText(target.text, cell.text);
        target.x0 = Math.min(target.x0, cell.x0);
        target.x1 = Math.max(target.x1, cell.x1);
      } else {
        best.cells.push({ ...cell });
        best.cells.sort((a, b) => a.x0 - b.x0);
      }
    }
    best.top = Math.min(best.top, line.top);
    numbers.set(best, numericCount(best));
  }
  return lines;
}

/** The closer of the lines before and after whose numbers `line` may be the wrapped label of. */
function rowOfWrappedLabel(
  line: FreeLine,
  candidates: (FreeLine | undefined)[],
  numbers: Map<FreeLine, number>,
): FreeLine | null {
  let best: FreeLine | null = null;
  for (const candidate of candidates) {
    if (!candidate || numbers.get(candidate)! < 2) continue;
    const firstNumber = candidate.cells.find((cell) => isNumericText(cell.text))!;
    if (line.cells.some((cell) => cell.x1 >= firstNumber.x0)) continue;
    if (Math.abs(candidate.cy - line.cy) > 1.6 * Math.max(line.size, candidate.size)) continue;
    if (!best || Math.abs(candidate.cy - line.cy) < Math.abs(best.cy - line.cy)) best = candidate;
  }
  return best;
}

/** Marks free lines that are table rows: several numbers, or columns shared with a neighbour. */
function markFreeTables(lines: FreeLine[]): void {
  const starts = lines.map((line) => line.cells.map((cell) => cell.x0).sort((a, b) => a - b));
  lines.forEach((line, index) => {
    if (line.cells.length < 2) return;
    if (numericCount(line) >= 2) {
      line.inTable = true;
      return;
    }
    line.inTable = [index - 2, index - 1, index + 1, index + 2].some(
      (other) =>
        lines[other] !== undefined &&
        lines[other].cells.length >= 2 &&
        sharedColumns(starts[index]!, starts[other]!) >= 2,
    );
  });
}

/** How many of the (sorted) cell starts `a` have a start of `b` within COLUMN_TOLERANCE. */
function sharedColumns(a: number[], b: number[]): number {
  let shared = 0;
  let k = 0;
  for (const start of a) {
    while (k < b.length && b[k]! < start - COLUMN_TOLERANCE) k += 1;
    if (k < b.length && b[k]! <= start + COLUMN_TOLERANCE) shared += 1;
  }
  return shared;
}
