import { TABLE3_2019_OTHER_LABEL } from '../../../core/report/format-2019.ts';
import { TABLE3_ROW_KEYS, TABLE3_ROW_LABELS, table3Group } from '../../../core/report/labels.ts';
import { normalizeLabel } from '../../../core/report/normalize-text.ts';
import type { Cell, Format2019, SourceRef } from '../../../core/report/schema.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { sumCells, violation } from '../../../core/rules/make-finding.ts';
import type { SourceLine } from '../source-document.ts';
import { readTable2Of2019 } from './read-table2-2019.ts';
import type { Table3Reading } from './read-table3.ts';

const OTHER_KEYS = TABLE3_ROW_KEYS.filter((k) => table3Group(k) === 'other');
const OTHER_CAPTION = normalizeLabel(TABLE3_2019_OTHER_LABEL);

export interface Format2019Reading {
  format2019: Format2019;
  provenance: Record<string, SourceRef>;
  findings: Finding[];
}

/**
 * The parts of a 2019-format report (国办公开办函〔2019〕60号) that differ from 2021: its table 二,
 * and table 三's （六）其他处理, which this format prints as one row. The table-三 reading is
 * adjusted in place: that row is the format's own, not an extra row, and its three 2021 items are
 * not missing. A document that prints the three items after all has them added into the one row.
 */
export function readFormat2019(section2: readonly SourceLine[], table3: Table3Reading): Format2019Reading {
  const table2 = readTable2Of2019(section2);
  const findings = [...table2.findings];
  const provenance = { ...table2.provenance };
  const merged = table3.extraRows.find((r) => !r.subtotalOf && normalizeLabel(r.label) === OTHER_CAPTION);
  let otherHandling: Cell[];
  if (merged) {
    otherHandling = merged.values.slice(0, 7);
    table3.extraRows.splice(table3.extraRows.indexOf(merged), 1);
    table3.mergedRows = table3.mergedRows.filter((label) => label !== merged.label);
    table3.findings = table3.findings.filter(
      (f) => !(f.ruleId === 'T3-05' && f.location.rowLabel === merged.label),
    );
    if (merged.source) provenance['format2019.otherHandling'] = merged.source;
  } else if (OTHER_KEYS.some((k) => !table3.missingRows.includes(k))) {
    otherHandling = [0, 1, 2, 3, 4, 5, 6].map((c) =>
      sumCells(OTHER_KEYS.map((k) => table3.table3[k][c] ?? null)),
    );
    findings.push(
      violation(
        'N-09',
        `表三“（六）其他处理”分${OTHER_KEYS.map((k) => `“${TABLE3_ROW_LABELS[k]}”`).join('、')}三项印出（2021年格式的写法）；2019年格式只有一行，按三项之和读取`,
        { table: 'table3', rowLabel: TABLE3_2019_OTHER_LABEL },
        'info',
      ),
    );
  } else {
    otherHandling = [null, null, null, null, null, null, null];
    findings.push(
      violation('T3-05', `表三缺少“${TABLE3_2019_OTHER_LABEL}”行`, {
        table: 'table3',
        rowLabel: TABLE3_2019_OTHER_LABEL,
      }),
    );
  }
  for (const key of OTHER_KEYS) {
    table3.table3[key] = [null, null, null, null, null, null, null];
    delete table3.provenance[`table3.${key}`];
  }
  table3.missingRows = table3.missingRows.filter((k) => !OTHER_KEYS.includes(k));
  table3.findings = table3.findings.filter(
    (f) => !(f.location.rowKey && (OTHER_KEYS as readonly string[]).includes(f.location.rowKey)),
  );
  return { format2019: { table2: table2.table2, otherHandling }, provenance, findings };
}
