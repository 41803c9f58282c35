import type { PageRules, Segment } from './pdf-rules.ts';
import { joinBlock, type PlacedRun } from './pdf-runs.ts';

/** A ruled table row: one cell per ruled cell that starts in this row, left to right. */
export interface GridRow {
  cells: string[];
  /** Left and right edge of each cell. */
  spans: [number, number][];
  top: number;
  /** Page-local id of the ruled table the row belongs to. */
  grid: number;
}

export interface GridResult {
  rows: GridRow[];
  /** Runs outside any ruled cell. */
  free: PlacedRun[];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  key: string;
  runs: PlacedRun[];
}

/** Rules closer than this (points) are one line (double borders, adjacent cell borders). */
const SAME_LINE = 3;
/** Largest share of the page one cell may cover; a bigger box is a page frame, not a cell. */
const MAX_CELL_AREA_SHARE = 0.5;
/** Most run × rule comparisons per page before rules are ignored (bounded time on odd pages). */
const MAX_WORK = 50_000_000;

/**
 * Puts text into the cells of ruled tables. The cell of a run is the box formed by the nearest
 * horizontal rules above and below its centre and the nearest vertical rules left and right of
 * it; a run that crosses a vertical rule is cut there first. Rows are the distinct cell tops; a
 * cell spanning rows (rowspan) belongs to the row where it starts, as in HTML. Empty cells of a
 * row are found between the vertical rules crossing the row's middle and come out as ''.
 * Text with no box stays free. Rules drawn piecewise are joined first (mergeCollinear), then
 * sorted (vertical by x, horizontal by y) so that each lookup starts next to the point.
 */
export function placeInGrid(
  runs: PlacedRun[],
  pageRules: PageRules | null,
  pageWidth: number,
  pageHeight: number,
): GridResult {
  if (!pageRules || pageRules.horizontal.length === 0 || pageRules.vertical.length === 0)
    return { rows: [], free: runs };
  const rules = sortRules(mergeCollinear(pageRules));
  if (runs.length * (rules.horizontal.length + rules.vertical.length) > MAX_WORK)
    return { rows: [], free: runs };
  const maxArea = pageWidth * pageHeight * MAX_CELL_AREA_SHARE;
  const boxes = new Map<string, Box>();
  const free: PlacedRun[] = [];
  for (const run of runs.flatMap((r) => cutAtRules(r, rules.vertical))) {
    const box = findBox(rules, (run.x0 + run.x1) / 2, run.cy, maxArea);
    if (!box) {
      free.push(run);
      continue;
    }
    const existing = boxes.get(box.key);
    if (existing) existing.runs.push(run);
    else boxes.set(box.key, { ...box, runs: [run] });
  }
  return { rows: buildRows([...boxes.values()], rules, maxArea), free };
}

function buildRows(boxes: Box[], rules: PageRules, maxArea: number): GridRow[] {
  boxes.sort((a, b) => a.top - b.top || a.left - b.left);
  const rows: GridRow[] = [];
  let grid = -1;
  let gridBottom = Number.NEGATIVE_INFINITY;
  let gridLeft = 0;
  let gridRight = 0;
  let i = 0;
  while (i < boxes.length) {
    const top = boxes[i]!.top;
    const members: Box[] = [];
    while (i < boxes.length && boxes[i]!.top - top <= SAME_LINE - 1) members.push(boxes[i++]!);
    let left = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const box of members) {
      left = Math.min(left, box.left);
      right = Math.max(right, box.right);
      bottom = Math.max(bottom, box.bottom);
    }
    const continues = top <= gridBottom + SAME_LINE + 1 && left < gridRight && right > gridLeft;
    if (!continues) {
      grid += 1;
      gridLeft = left;
      gridRight = right;
      gridBottom = Number.NEGATIVE_INFINITY;
    }
    gridLeft = Math.min(gridLeft, left);
    gridRight = Math.max(gridRight, right);
    gridBottom = Math.max(gridBottom, bottom);
    const cells = rowCells(members, rules, gridLeft, gridRight, maxArea);
    rows.push({
      cells: cells.map((box) => joinBlock(box.runs)),
      spans: cells.map((box) => [box.left, box.right]),
      top,
      grid,
    });
  }
  return rows;
}

/** The row's boxes plus its empty cells, left to right; cells continued from a row above are left out. */
function rowCells(members: Box[], rules: PageRules, left: number, right: number, maxArea: number): Box[] {
  const top = members[0]!.top;
  let bottom = Number.POSITIVE_INFINITY;
  for (const box of members) bottom = Math.min(bottom, box.bottom);
  const middle = (top + bottom) / 2;
  const crossing: number[] = [];
  for (let k = firstAtLeast(rules.vertical, 'x1', left - SAME_LINE); k < rules.vertical.length; k += 1) {
    const rule = rules.vertical[k]!;
    if (rule.x1 > right + SAME_LINE) break;
    if (rule.y1 <= middle && rule.y2 >= middle) crossing.push(rule.x1);
  }
  const byKey = new Map(members.map((box) => [box.key, box]));
  const edges = mergeClose(crossing);
  for (let k = 1; k < edges.length; k += 1) {
    if (edges[k]! - edges[k - 1]! <= SAME_LINE + 1) continue;
    const box = findBox(rules, (edges[k - 1]! + edges[k]!) / 2, middle, maxArea);
    if (box && Math.abs(box.top - top) <= SAME_LINE - 1 && !byKey.has(box.key))
      byKey.set(box.key, { ...box, runs: [] });
  }
  return [...byKey.values()].sort((a, b) => a.left - b.left);
}

/**
 * The cell around a point: nearest rules on all four sides. When a row is split by a page break
 * its cell has no rule above (top of the page) or below (bottom of the page), a tall merged cell
 * may have neither; the ends of the vertical rules on its sides stand in for missing ones.
 */
function findBox(rules: PageRules, x: number, y: number, maxArea: number): Omit<Box, 'runs'> | null {
  const { vertical, horizontal } = rules;
  // Nearest covering rule on each side; among rules at the same x the first one, as drawn.
  let leftRule: Segment | null = null;
  for (let k = firstAtLeast(vertical, 'x1', x) - 1; k >= 0; k -= 1) {
    const rule = vertical[k]!;
    if (leftRule && rule.x1 < leftRule.x1) break;
    if (rule.y1 - 0.5 <= y && rule.y2 + 0.5 >= y) leftRule = rule;
  }
  let rightRule: Segment | null = null;
  for (let k = firstAbove(vertical, 'x1', x); k < vertical.length; k += 1) {
    const rule = vertical[k]!;
    if (rule.y1 - 0.5 <= y && rule.y2 + 0.5 >= y) {
      rightRule = rule;
      break;
    }
  }
  if (!leftRule || !rightRule) return null;
  let top = Number.NEGATIVE_INFINITY;
  for (let k = firstAtLeast(horizontal, 'y1', y) - 1; k >= 0; k -= 1) {
    const rule = horizontal[k]!;
    if (rule.x1 - 0.5 <= x && rule.x2 + 0.5 >= x) {
      top = rule.y1;
      break;
    }
  }
  let bottom = Number.POSITIVE_INFINITY;
  for (let k = firstAbove(horizontal, 'y1', y); k < horizontal.length; k += 1) {
    const rule = horizontal[k]!;
    if (rule.x1 - 0.5 <= x && rule.x2 + 0.5 >= x) {
      bottom = rule.y1;
      break;
    }
  }
  if (!Number.isFinite(top)) top = Math.max(leftRule.y1, rightRule.y1);
  if (!Number.isFinite(bottom)) bottom = Math.min(leftRule.y2, rightRule.y2);
  const left = leftRule.x1;
  const right = rightRule.x1;
  if (top >= y || bottom <= y || (right - left) * (bottom - top) > maxArea) return null;
  const key = `${Math.round(left * 2)}:${Math.round(top * 2)}:${Math.round(right * 2)}:${Math.round(bottom * 2)}`;
  return { left, top, right, bottom, key };
}

/**
 * Vertical rules by x, horizontal by y (stable: rules at one position keep their order). A rule
 * with a NaN coordinate bounds nothing and would break the order; it is left out.
 */
function sortRules(rules: PageRules): PageRules {
  const defined = (rule: Segment) => !Number.isNaN(rule.x1 + rule.x2 + rule.y1 + rule.y2);
  return {
    horizontal: rules.horizontal.filter(defined).sort((a, b) => a.y1 - b.y1),
    vertical: rules.vertical.filter(defined).sort((a, b) => a.x1 - b.x1),
  };
}

/** Index of the first segment whose `field` is ≥ value, in segments sorted by it. */
function firstAtLeast(segments: Segment[], field: 'x1' | 'y1', value: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid]![field] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first segment whose `field` is > value, in segments sorted by it. */
function firstAbove(segments: Segment[], field: 'x1' | 'y1', value: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid]![field] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Joins rules that continue each other (borders drawn cell by cell) into one long rule. */
export function mergeCollinear(rules: PageRules): PageRules {
  return {
    horizontal: mergeAlong(rules.horizontal, 'y1', 'x1', 'x2'),
    vertical: mergeAlong(rules.vertical, 'x1', 'y1', 'y2'),
  };
}

function mergeAlong(
  segments: Segment[],
  across: 'x1' | 'y1',
  start: 'x1' | 'y1',
  end: 'x2' | 'y2',
): Segment[] {
  const byPosition = [...segments].sort((a, b) => a[across] - b[across]);
  const merged: Segment[] = [];
  let k = 0;
  while (k < byPosition.length) {
    // One line position: rules within half a point of the first one.
    const position = byPosition[k]![across];
    const group: Segment[] = [];
    while (k < byPosition.length && byPosition[k]![across] - position <= 0.5) group.push(byPosition[k++]!);
    group.sort((a, b) => a[start] - b[start]);
    let last: Segment | null = null;
    for (const segment of group) {
      if (last && segment[start] <= last[end] + 1.5) {
        last[end] = Math.max(last[end], segment[end]);
        continue;
      }
      last = { ...segment };
      merged.push(last);
    }
  }
  return merged;
}

/**
 * Cuts a run where a vertical rule crosses it (some producers emit a whole table row as one
 * run). Characters are placed by an estimated advance: 1 em for CJK, half an em otherwise.
 */
function cutAtRules(run: PlacedRun, vertical: Segment[]): PlacedRun[] {
  const cuts: number[] = [];
  for (let k = firstAbove(vertical, 'x1', run.x0 + 1); k < vertical.length; k += 1) {
    const rule = vertical[k]!;
    if (rule.x1 >= run.x1 - 1) break;
    if (rule.y1 - 0.5 <= run.cy && rule.y2 + 0.5 >= run.cy) cuts.push(rule.x1);
  }
  if (cuts.length === 0) return [run];
  const chars = [...run.text];
  const weights = chars.map((char) => (char.charCodeAt(0) > 0x2e7f ? 1 : 0.5));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const pieces: PlacedRun[] = [];
  let piece = '';
  let pieceStart = run.x0;
  let advance = 0;
  let cut = 0;
  chars.forEach((char, index) => {
    const centre = run.x0 + ((advance + weights[index]! / 2) / total) * (run.x1 - run.x0);
    while (cut < cuts.length && centre > cuts[cut]!) {
      if (piece.trim() !== '') pieces.push({ ...run, text: piece, x0: pieceStart, x1: cuts[cut]! });
      piece = '';
      pieceStart = cuts[cut]!;
      cut += 1;
    }
    piece += char;
    advance += weights[index]!;
  });
  if (piece.trim() !== '') pieces.push({ ...run, text: piece, x0: pieceStart, x1: run.x1 });
  return pieces;
}

function mergeClose(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const merged: number[] = [];
  for (const value of sorted) {
    if (merged.length > 0 && value - merged[merged.length - 1]! <= SAME_LINE) continue;
    merged.push(value);
  }
  return merged;
}
