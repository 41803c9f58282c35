import { FORMAT_2019_MARKERS } from '../../../core/report/format-2019.ts';
import { readValue } from '../interpret/cell-values.ts';
import { formRowWidth } from '../interpret/form-row-width.ts';
import { captionOf } from '../interpret/sections.ts';
import type { SourceLine } from '../source-document.ts';

/**
 * Crawled plain text with one table cell per line (what BeautifulSoup's get_text('\n'), lynx or
 * a site's "text version" give): a row label, then each of its numbers on a line of its own, cells
 * often separated by blank lines, and a blank cell shown only as more empty lines. This module
 * rebuilds the table rows (label + value cells, '' for a blank cell) so the interpreter reads them
 * like any table; everything else stays one line per paragraph.
 */

/** Fewest lone-value lines before a text is read as one cell per line (table 三 alone has 175 cells). */
const MIN_LONE_VALUES = 40;

/** A physical line, trimmed, that holds exactly one cell value (a number or a blank marker like "/"). */
function isLoneValue(text: string): boolean {
  if (text === '' || /\s/.test(text)) return false;
  const v = readValue(text);
  return v !== null && v.kind !== 'empty';
}

/**
 * True when the text prints its tables one cell per line: many lines that are a single value, and
 * few lines that hold several values (a PDF text export or a tab-separated file has the latter).
 */
export function looksLikeCellPerLine(physical: readonly string[]): boolean {
  let lone = 0;
  let multi = 0;
  for (const raw of physical) {
    const text = raw.trim();
    if (text === '') continue;
    if (raw.includes('\t')) return false;
    if (isLoneValue(text)) lone += 1;
    else if (text.split(/[\s\u3000]+/).filter((t) => isLoneValue(t)).length >= 3) multi += 1;
  }
  return lone >= MIN_LONE_VALUES && lone > 5 * multi;
}

interface ValueRun {
  /** Index in `physical` of each value line. */
  at: number[];
  /** Empty lines before each value (slot i), and after the last one (slot at.length). */
  gaps: number[];
}

/**
 * Where `missing` blank cells go among the k+1 slots of a run (before the first value, between
 * values, after the last): at the slots with the most empty lines beyond the usual separator
 * (`separator` empty lines between two cells, also between the label and the first value and after
 * the last). A blank cell adds at least one empty line; with
 * no such excess anywhere they go at the end (the reading is then positional, as for any row
 * whose blanks left no trace).
 */
export function placeBlanks(gaps: readonly number[], separator: number, missing: number): number[] {
  const excess = gaps.map((g) => Math.max(0, g - separator));
  const blanks = gaps.map(() => 0);
  for (let b = 0; b < missing; b += 1) {
    let best = -1;
    for (let i = 0; i < excess.length; i += 1)
      if (excess[i]! > 0 && (best < 0 || excess[i]! > excess[best]!)) best = i;
    if (best < 0) {
      blanks[blanks.length - 1]! += missing - b;
      break;
    }
    blanks[best]! += 1;
    excess[best] = Math.max(0, excess[best]! - (separator + 1));
  }
  return blanks;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Rebuilds SourceLines from one-cell-per-line text: each run of value lines becomes one table row
 * whose first cell is the label line just before it (line number of the label); other lines are
 * kept as single-cell lines.
 */
export function regroupCellLines(physical: readonly string[]): SourceLine[] {
  // Pass 1: the runs of value lines and the empty lines around their values.
  const runs = new Map<number, ValueRun>();
  let current: ValueRun | null = null;
  let emptyBefore = 0;
  let runStart = -1;
  for (let i = 0; i < physical.length; i += 1) {
    const text = physical[i]!.trim();
    if (text === '') {
      emptyBefore += 1;
      continue;
    }
    if (isLoneValue(text)) {
      if (current === null) {
        current = { at: [], gaps: [] };
        runStart = i;
        runs.set(runStart, current);
      }
      current.at.push(i);
      current.gaps.push(emptyBefore);
    } else if (current !== null) {
      current.gaps.push(emptyBefore);
      current = null;
    }
    emptyBefore = 0;
  }
  if (current !== null) current.gaps.push(emptyBefore);
  const inner: number[] = [];
  for (const run of runs.values()) inner.push(...run.gaps.slice(1, -1));
  const separator = mode(inner);

  // Pass 2: label lines, value rows and paragraphs in order.
  const lines: SourceLine[] = [];
  let section = 0;
  // Table 二 in the 2019 format (its header words come before its rows): rows of their own widths.
  let format2019 = false;
  let table = -1;
  let previousWasTable = false;
  for (let i = 0; i < physical.length; i += 1) {
    const text = physical[i]!.trim();
    if (text === '') continue;
    const run = runs.get(i);
    if (run === undefined) {
      const next = runs.get(nextNonEmpty(physical, i + 1));
      if (next !== undefined) continue; // the label of the run that follows, emitted with it
      const caption = captionOf({ cells: [text], inTable: false, line: i + 1 });
      if (caption) section = caption.number;
      if (section === 2 && FORMAT_2019_MARKERS.test(text)) format2019 = true;
      lines.push({ cells: [text], inTable: false, line: i + 1 });
      previousWasTable = false;
      continue;
    }
    const labelAt = previousNonEmpty(physical, i - 1);
    const label =
      labelAt >= 0 && runs.get(labelAt) === undefined && !isLoneValue(physical[labelAt]!.trim())
        ? physical[labelAt]!.trim()
        : '';
    const width = formRowWidth(section, label, format2019);
    const values = run.at.map((at) => physical[at]!.trim());
    const missing = width !== null && values.length < width ? width - values.length : 0;
    const blanks = missing > 0 ? placeBlanks(run.gaps, separator, missing) : run.gaps.map(() => 0);
    const cells = [label];
    for (let v = 0; v <= values.length; v += 1) {
      for (let b = 0; b < blanks[v]!; b += 1) cells.push('');
      if (v < values.length) cells.push(values[v]!);
    }
    if (!previousWasTable) table += 1;
    previousWasTable = true;
    lines.push({ cells, inTable: true, line: (labelAt >= 0 && label !== '' ? labelAt : i) + 1, table });
    i = run.at[run.at.length - 1]!;
  }
  return lines;
}

function nextNonEmpty(physical: readonly string[], from: number): number {
  for (let i = from; i < physical.length; i += 1) if (physical[i]!.trim() !== '') return i;
  return -1;
}

function previousNonEmpty(physical: readonly string[], from: number): number {
  for (let i = from; i >= 0; i -= 1) if (physical[i]!.trim() !== '') return i;
  return -1;
}
