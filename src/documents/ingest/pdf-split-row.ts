import type { PageLine } from './pdf-layout.ts';
import { isNumericText, joinText } from './pdf-text.ts';

/**
 * Joins the two halves of a table row that a page break cut in two (LibreOffice and Chromium
 * both split tall rows): the last row of one page and the first row of the next, when exactly
 * one of them has numbers and every non-empty cell of the other lies over exactly one
 * non-numeric cell of it (the rest of a wrapped label). Returns null when they are two rows,
 * e.g. a new section row ("第二十条第（五）项" spans several columns) or a repeated header.
 */
export function joinSplitRow(above: PageLine, below: PageLine): PageLine | null {
  const aboveHasNumbers = above.cells.some(isNumericText);
  const belowHasNumbers = below.cells.some(isNumericText);
  if (aboveHasNumbers === belowHasNumbers) return null;
  const base = aboveHasNumbers ? above : below;
  const part = aboveHasNumbers ? below : above;
  const cells = [...base.cells];
  for (let k = 0; k < part.cells.length; k += 1) {
    const text = part.cells[k]!;
    if (text === '') continue;
    const span = part.spans[k]!;
    const targets = base.spans.flatMap((other, index) => (overlaps(span, other) ? [index] : []));
    if (targets.length !== 1) return null;
    const target = targets[0]!;
    if (isNumericText(cells[target]!)) return null;
    cells[target] = part === above ? joinText(text, cells[target]!) : joinText(cells[target]!, text);
  }
  return { ...base, cells, top: above.top };
}

/** True when two cells share more than half of the narrower one's width. */
function overlaps(a: [number, number], b: [number, number]): boolean {
  const shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return shared > 0.5 * Math.min(a[1] - a[0], b[1] - b[0]);
}
