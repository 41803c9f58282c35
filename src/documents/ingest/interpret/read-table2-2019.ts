import {
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ROW_LABELS,
  TABLE2_2019_ROWS,
  type Table2Of2019RowKey,
} from '../../../core/report/format-2019.ts';
import { normalizeLabel } from '../../../core/report/normalize-text.ts';
import type { Cell, SourceRef, Table2Of2019 } from '../../../core/report/schema.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { violation } from '../../../core/rules/make-finding.ts';
import type { SourceLine } from '../source-document.ts';
import { pickCells, splitLine } from './cell-values.ts';
import { sourceOf } from './source-ref.ts';

export interface Table2Of2019Reading {
  table2: Table2Of2019;
  provenance: Record<string, SourceRef>;
  /** N-09 for rows captioned with a variant of the 60号 wording. */
  findings: Finding[];
}

/** What real 2019–2020 reports print for a row instead of the 60号 caption. */
export const TABLE2_2019_VARIANTS: ReadonlyArray<{ printed: string; row: Table2Of2019RowKey }> = [
  { printed: '行政规范性文件', row: 'normativeDocuments' },
  { printed: '其他对外管理服务', row: 'otherServices' },
  { printed: '其他对外管理服务事项数量', row: 'otherServices' },
  { printed: '政府集中采购项目', row: 'procurement' },
];

function emptyTable(): Table2Of2019 {
  return Object.fromEntries(
    TABLE2_2019_ROWS.map(({ key, kind }) => [
      key,
      Object.fromEntries(TABLE2_2019_COLUMNS[kind].map((c) => [c, null])),
    ]),
  ) as Table2Of2019;
}

const OFFICIAL = new Map(TABLE2_2019_ROWS.map((r) => [normalizeLabel(TABLE2_2019_ROW_LABELS[r.key]), r]));
const VARIANT = new Map(TABLE2_2019_VARIANTS.map((v) => [normalizeLabel(v.printed), v.row]));

/** The 2019 table-二 row a printed caption names (the 60号 wording or a known variant), or null. */
export function table2Of2019RowOf(label: string): { key: Table2Of2019RowKey; variant: boolean } | null {
  const n = normalizeLabel(label);
  const official = OFFICIAL.get(n);
  if (official) return { key: official.key, variant: false };
  const variant = VARIANT.get(n);
  if (variant) return { key: variant, variant: true };
  // A caption after a few stray characters (a merged 信息内容 cell, a bullet); 规章 never ends 规范性文件.
  for (const [caption, row] of OFFICIAL) {
    if (n.endsWith(caption) && n.length <= caption.length + 4) return { key: row.key, variant: false };
  }
  return null;
}

/**
 * Reads table 二 of the 2019 format (国办公开办函〔2019〕60号) by row caption, each row with its own
 * columns (format-2019.ts); a caption without a value is a null cell.
 */
export function readTable2Of2019(lines: readonly SourceLine[]): Table2Of2019Reading {
  const table2 = emptyTable();
  const provenance: Record<string, SourceRef> = {};
  const findings: Finding[] = [];
  const found = new Set<Table2Of2019RowKey>();
  const kinds = new Map(TABLE2_2019_ROWS.map((r) => [r.key, r.kind]));
  for (const line of lines) {
    const { label, values } = splitLine(line);
    const row = table2Of2019RowOf(label);
    if (!row || found.has(row.key)) continue;
    found.add(row.key);
    const columns = TABLE2_2019_COLUMNS[kinds.get(row.key)!];
    const { cells } = pickCells(values, columns.length);
    const target = table2[row.key] as Record<string, Cell>;
    columns.forEach((c, i) => {
      target[c] = cells[i] ?? null;
    });
    const source = sourceOf(line);
    provenance[`format2019.table2.${row.key}`] = source;
    if (row.variant) {
      findings.push(
        violation(
          'N-09',
          `表二行标题“${label.trim()}”与2019年格式“${TABLE2_2019_ROW_LABELS[row.key]}”不一致`,
          { table: 'table2', rowLabel: TABLE2_2019_ROW_LABELS[row.key], source },
          'info',
        ),
      );
    }
  }
  return { table2, provenance, findings };
}
