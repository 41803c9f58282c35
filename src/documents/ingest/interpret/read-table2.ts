import { findVariant, TABLE2_ROW_VARIANTS } from '../../../core/report/label-variants.ts';
import { TABLE2_LABELS as L } from '../../../core/report/labels.ts';
import { normalizeLabel } from '../../../core/report/normalize-text.ts';
import type { Cell, SourceRef, Table2 } from '../../../core/report/schema.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { violation } from '../../../core/rules/make-finding.ts';
import type { SourceLine } from '../source-document.ts';
import { pickCells, splitLine } from './cell-values.ts';
import { sourceOf } from './source-ref.ts';

export interface Table2Reading {
  table2: Table2;
  provenance: Record<string, SourceRef>;
  /** Row labels found in the document. */
  found: Set<string>;
  /** N-09 for rows captioned with a variant of the official wording. */
  findings: Finding[];
}

const ROWS: Array<{ label: string; path: string[]; count: number }> = [
  { label: L.regulations, path: ['regulations'], count: 3 },
  { label: L.normativeDocuments, path: ['normativeDocuments'], count: 3 },
  { label: L.licensing, path: ['licensing'], count: 1 },
  { label: L.punishment, path: ['punishment'], count: 1 },
  { label: L.coercion, path: ['coercion'], count: 1 },
  { label: L.fees, path: ['feesWanYuan'], count: 1 },
];

/** Table 二 with every cell blank (null). */
export function emptyTable2(): Table2 {
  return {
    regulations: { issued: null, repealed: null, inForce: null },
    normativeDocuments: { issued: null, repealed: null, inForce: null },
    licensing: null,
    punishment: null,
    coercion: null,
    feesWanYuan: null,
  };
}

/** Reads the ten cells of table 二 by row caption; a caption without a value is a null cell. */
export function readTable2(lines: readonly SourceLine[]): Table2Reading {
  const table2 = emptyTable2();
  const provenance: Record<string, SourceRef> = {};
  const found = new Set<string>();
  const findings: Finding[] = [];
  for (const line of lines) {
    const { label, values } = splitLine(line);
    const n = normalizeLabel(label);
    // The official caption, then a known variant, then the caption after a few stray characters.
    const variant = ROWS.some((r) => n === r.label) ? undefined : findVariant(TABLE2_ROW_VARIANTS, n);
    const row = variant
      ? ROWS.find((r) => r.path[0] === variant.row)
      : ROWS.find((r) => n === r.label || (n.endsWith(r.label) && n.length <= r.label.length + 4));
    if (!row || found.has(row.label)) continue;
    found.add(row.label);
    const { cells } = pickCells(values, row.count);
    const source = sourceOf(line);
    if (variant) {
      findings.push(
        violation(
          'N-09',
          `表二行标题“${label.trim()}”与标准格式“${row.label}”不一致${variant.differs ? `：${variant.differs}` : ''}`,
          { table: 'table2', rowLabel: row.label, source },
          variant.differs ? 'warning' : 'info',
        ),
      );
    }
    const [key] = row.path as [keyof Table2];
    if (row.count === 3) {
      const [issued, repealed, inForce] = cells as [Cell, Cell, Cell];
      table2[key as 'regulations'] = { issued, repealed, inForce };
      provenance[`table2.${key}`] = source;
    } else {
      (table2 as unknown as Record<string, Cell>)[key] = cells[0] ?? null;
      provenance[`table2.${key}`] = source;
    }
  }
  return { table2, provenance, found, findings };
}
