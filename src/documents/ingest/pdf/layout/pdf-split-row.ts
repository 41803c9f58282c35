import { TABLE2_LABELS, TABLE3_GROUPS, TABLE3_ROW_LABELS } from '../../../../core/report/labels.ts';
import { normalizeLabel } from '../../../../core/report/normalize-text.ts';
import type { PageLine } from './pdf-layout.ts';
import { isNumericText, joinText } from './pdf-text.ts';

/**
 * Row captions of tables 二 and 三, normalised. A cell holding one of these is a whole caption, not
 * the rest of a wrapped one: "规章" at the foot of a page and "行政规范性文件" (its cells blank) at
 * the top of the next are two rows, and were read as one row "规章行政规范性文件" before.
 */
const ROW_CAPTIONS = new Set(
  [
    TABLE2_LABELS.regulations,
    TABLE2_LABELS.normativeDocuments,
    TABLE2_LABELS.licensing,
    TABLE2_LABELS.punishment,
    TABLE2_LABELS.coercion,
    TABLE2_LABELS.fees,
    ...Object.values(TABLE3_GROUPS),
    ...Object.values(TABLE3_ROW_LABELS),
  ].map(normalizeLabel),
);

/**
 * Joins the two halves of a table row that a page break cut in two (LibreOffice and Chromium
 * both split tall rows): the last row of one page and the first row of the next, when exactly
 * one of them has numbers and every non-empty cell of the other lies over exactly one
 * non-numeric cell of it (the rest of a wrapped label). Returns null when they are two rows,
 * e.g. a new section row ("第二十条第（五）项" spans several columns), a repeated header, or a
 * row whose cells are all blank next to a row with numbers (both labels whole row captions).
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
    if (ROW_CAPTIONS.has(normalizeLabel(text)) && ROW_CAPTIONS.has(normalizeLabel(cells[target]!)))
      return null;
    cells[target] = part === above ? joinText(text, cells[target]!) : joinText(cells[target]!, text);
  }
  return { ...base, cells, top: above.top };
}

/** True when two cells share more than half of the narrower one's width. */
function overlaps(a: [number, number], b: [number, number]): boolean {
  const shared = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return shared > 0.5 * Math.min(a[1] - a[0], b[1] - b[0]);
}
