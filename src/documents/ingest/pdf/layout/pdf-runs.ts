import { isCjk, joinText } from './pdf-text.ts';

/** A piece of text as pdfjs positions it, in viewport space (y grows downwards). */
export interface TextRun {
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (height of the em square) in points. */
  size: number;
}

/** A run with the derived geometry layout works with. */
export interface PlacedRun {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Vertical centre of the glyphs: baseline minus about a third of the em. */
  cy: number;
}

/** A physical line of text: runs whose vertical centres are within half a font size. */
export interface RunLine {
  runs: PlacedRun[];
  cy: number;
  size: number;
}

export function placeRun(run: TextRun): PlacedRun {
  const x0 = Math.min(run.x, run.x + run.width);
  const x1 = Math.max(run.x, run.x + run.width);
  return { text: run.text, x0, x1, y: run.y, size: run.size, cy: run.y - run.size * 0.35 };
}

/** Side (points) of the squares runs are hashed into when looking for a second copy. */
const TWIN_SQUARE = 4;
/** A run whose tolerance spans more squares than this per axis (type over ~100 pt) is kept unchecked. */
const MAX_TWIN_SQUARES = 12;

/**
 * Drops whitespace-only runs and the second copy of a run printed twice at (almost) the same
 * place (within a fifth of its size), which is how some producers fake bold type. Kept runs are
 * hashed by text and position, so that a page of many identical runs stays linear.
 */
export function cleanRuns(runs: TextRun[]): PlacedRun[] {
  const kept: PlacedRun[] = [];
  // Text → hash of the TWIN_SQUARE square a run starts in → kept runs there.
  const seen = new Map<string, Map<number, PlacedRun[]>>();
  for (const source of runs) {
    if (source.text.trim() === '' || !(source.size > 0)) continue;
    const run = placeRun(source);
    let squares = seen.get(run.text);
    if (squares && hasTwin(squares, run)) continue;
    if (!squares) {
      squares = new Map();
      seen.set(run.text, squares);
    }
    const key = squareKey(square(run.x0), square(run.y));
    const there = squares.get(key);
    if (there) there.push(run);
    else squares.set(key, [run]);
    kept.push(run);
  }
  return kept;
}

function hasTwin(squares: Map<number, PlacedRun[]>, run: PlacedRun): boolean {
  const tolerance = run.size * 0.2;
  const [x1, x2] = [square(run.x0 - tolerance), square(run.x0 + tolerance)];
  const [y1, y2] = [square(run.y - tolerance), square(run.y + tolerance)];
  if (!(x2 - x1 < MAX_TWIN_SQUARES && y2 - y1 < MAX_TWIN_SQUARES)) return false;
  for (let sx = x1; sx <= x2; sx += 1) {
    for (let sy = y1; sy <= y2; sy += 1) {
      for (const twin of squares.get(squareKey(sx, sy)) ?? []) {
        if (Math.abs(twin.x0 - run.x0) < tolerance && Math.abs(twin.y - run.y) < tolerance) return true;
      }
    }
  }
  return false;
}

function square(value: number): number {
  return Math.floor(value / TWIN_SQUARE);
}

/** A hash of a square; two squares may share one (their runs are then compared too, harmlessly). */
function squareKey(sx: number, sy: number): number {
  return Math.imul(sx | 0, 73_856_093) ^ Math.imul(sy | 0, 19_349_663);
}

/** Groups runs into physical lines, top to bottom; runs inside a line are sorted left to right. */
export function groupLines(runs: PlacedRun[]): RunLine[] {
  const sorted = [...runs].sort((a, b) => a.cy - b.cy || a.x0 - b.x0);
  const lines: RunLine[] = [];
  let current: RunLine | null = null;
  for (const run of sorted) {
    if (current && Math.abs(run.cy - current.cy) <= 0.5 * Math.min(run.size, current.size)) {
      current.runs.push(run);
      continue;
    }
    current = { runs: [run], cy: run.cy, size: run.size };
    lines.push(current);
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x0 - b.x0);
    line.size = median(line.runs.map((run) => run.size));
  }
  return lines;
}

/**
 * Text of runs on one line, left to right: a space where a visible gap separates Latin
 * letters or digits, nothing between CJK characters (their gaps are justification).
 */
export function joinRuns(runs: PlacedRun[]): string {
  let text = '';
  let previous: PlacedRun | null = null;
  for (const run of runs) {
    if (previous && run.x0 - previous.x1 > 0.2 * Math.min(run.size, previous.size)) {
      const last = text.at(-1);
      const first = run.text[0];
      text += isCjk(last) || isCjk(first) || last === ' ' || first === ' ' ? run.text : ` ${run.text}`;
    } else text += run.text;
    previous = run;
  }
  return text.trim();
}

/** Text of runs that may span several lines (a wrapped table cell): lines joined as written. */
export function joinBlock(runs: PlacedRun[]): string {
  return groupLines(runs).reduce((text, line) => joinText(text, joinRuns(line.runs)), '');
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
