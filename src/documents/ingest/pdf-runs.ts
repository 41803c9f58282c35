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

/**
 * Drops whitespace-only runs and the second copy of a run printed twice at (almost) the same
 * place, which is how some producers fake bold type.
 */
export function cleanRuns(runs: TextRun[]): PlacedRun[] {
  const placed = runs.filter((run) => run.text.trim() !== '' && run.size > 0).map(placeRun);
  const kept: PlacedRun[] = [];
  const seen = new Map<string, PlacedRun[]>();
  for (const run of placed) {
    const twins = seen.get(run.text) ?? [];
    const tolerance = run.size * 0.2;
    if (twins.some((twin) => Math.abs(twin.x0 - run.x0) < tolerance && Math.abs(twin.y - run.y) < tolerance))
      continue;
    twins.push(run);
    seen.set(run.text, twins);
    kept.push(run);
  }
  return kept;
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
