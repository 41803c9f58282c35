import { TABLE4_GROUP_KEYS } from '../../../core/report/labels.ts';
import type { Cell, ExtraCell, SourceRef, Table4 } from '../../../core/report/schema.ts';
import type { SourceLine } from '../source-document.ts';
import { hasValues, pickCells, splitLine, type ValueToken } from './cell-values.ts';
import { sourceOf } from './source-ref.ts';

export interface Table4Reading {
  table4: Table4;
  extraCells: ExtraCell[];
  provenance: Record<string, SourceRef>;
  /** False when no data row was found at all. */
  found: boolean;
}

/**
 * Reads table 四: the header rows carry no values; the data row's 15 values are read in order,
 * and a data row that a PDF wrapped over several lines is joined. Values beyond 15 are extras.
 */
export function readTable4(lines: readonly SourceLine[]): Table4Reading {
  const tokens: ValueToken[] = [];
  let firstSource: SourceRef | undefined;
  for (const line of lines) {
    const { label, values } = splitLine(line);
    // Table 四 on its side (one row of five per group, as render-markdown prints it): a group row
    // whose cells are all blank keeps its place, or the next group's values would move into it.
    const blankGroupRow = line.cells.length > 1 && values.length === 5 && /复议|诉讼/.test(label);
    if (!hasValues(values) && !blankGroupRow) continue;
    // Only pure value rows (or rows whose label is a header fragment) carry table 四's data.
    if (label !== '' && !/复议|诉讼|结果|审结|总计/.test(label)) continue;
    if (hasValues(values)) firstSource ??= sourceOf(line);
    tokens.push(...values);
  }
  const { cells, extra } = pickCells(tokens, 15);
  const group = (i: number): Cell[] => cells.slice(i * 5, i * 5 + 5);
  const table4 = Object.fromEntries(TABLE4_GROUP_KEYS.map((g, i) => [g, group(i)])) as Table4;
  const provenance: Record<string, SourceRef> = {};
  if (firstSource) {
    for (const g of TABLE4_GROUP_KEYS) provenance[`table4.${g}`] = firstSource;
  }
  const extraCells = extra.map((value, i) => ({
    table: 'table4' as const,
    row: null,
    position: 16 + i,
    value,
    ...(firstSource ? { source: firstSource } : {}),
  }));
  return { table4, extraCells, provenance, found: firstSource !== undefined };
}
