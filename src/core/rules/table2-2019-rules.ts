import {
  TABLE2_2019_LABELS as L,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ROW_LABELS,
  TABLE2_2019_ROWS,
  table2Of2019RowConsistent,
} from '../report/format-2019.ts';
import type { Cell, Report } from '../report/schema.ts';
import type { Finding, FindingLocation } from './finding.ts';
import { isCount, violation } from './make-finding.ts';

/**
 * The checks of table 二 in the 2019 format (国办公开办函〔2019〕60号). The form prints no
 * arithmetic of its own; what follows from the meaning of its columns is soft (T2-06).
 */

function at(row: string, column: string): FindingLocation {
  return { table: 'table2', rowLabel: row, columns: [column] };
}

/** T2-05: every cell filled; counts are non-negative integers, 本年增/减 an integer, the amount ≥ 0. */
function checkShape(report: Report, table: NonNullable<Report['format2019']>['table2']): Finding[] {
  const findings: Finding[] = [];
  const count = TABLE2_2019_ROWS.reduce((n, r) => n + TABLE2_2019_COLUMNS[r.kind].length, 0);
  for (const { key, kind } of TABLE2_2019_ROWS) {
    const row = table[key] as Record<string, Cell>;
    const label = TABLE2_2019_ROW_LABELS[key];
    for (const column of TABLE2_2019_COLUMNS[kind]) {
      const value = row[column] ?? null;
      const where = at(label, L[column]);
      if (value === null) {
        findings.push(
          violation(
            'T2-05',
            `缺少数值（空白或填“/”“—”）：2019年格式表二共 ${count} 个数值，没有则填 0`,
            where,
          ),
        );
      } else if (column === 'change' && !Number.isInteger(value)) {
        findings.push(violation('T2-05', `本年增/减 ${value} 不是整数`, where));
      } else if (column === 'amount' && value < 0) {
        findings.push(violation('T2-05', `采购总金额 ${value} 为负数`, where));
      } else if (column !== 'change' && column !== 'amount' && !isCount(value)) {
        findings.push(violation('T2-05', `值 ${value} 不是非负整数：件数只能是 0、1、2……`, where));
      }
    }
  }
  for (const extra of report.extras?.cells ?? []) {
    if (extra.table !== 'table2') continue;
    findings.push(
      violation('T2-05', `表二“${extra.row ?? ''}”行多出第 ${extra.position} 个数值，2019年格式中没有该列`, {
        table: 'table2',
        rowLabel: extra.row ?? '',
        ...(extra.source ? { source: extra.source } : {}),
      }),
    );
  }
  return findings;
}

/**
 * T2-06 (soft, from the meaning of the columns; the 60号 form states no identity): what was newly
 * published this year is part of what is published in all (本年新公开数量 ≤ 对外公开总数量), and
 * a year's decrease cannot exceed the projects of the year before (上一年项目数量 + 本年增/减 ≥ 0).
 */
function checkConsistency(table: NonNullable<Report['format2019']>['table2']): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['regulations', 'normativeDocuments'] as const) {
    const { made, published, total } = table[key];
    if (!table2Of2019RowConsistent('documents', [made, published, total])) {
      findings.push(
        violation(
          'T2-06',
          `本年新公开 ${published} 件多于对外公开总数 ${total} 件：对外公开总数应包含本年新公开的文件，请核实`,
          at(TABLE2_2019_ROW_LABELS[key], L.total),
        ),
      );
    }
  }
  for (const key of ['licensing', 'otherServices', 'punishment', 'coercion', 'fees'] as const) {
    const { previous, change } = table[key];
    if (!table2Of2019RowConsistent('matters', [previous, change])) {
      findings.push(
        violation(
          'T2-06',
          `上一年项目数量 ${previous} 加本年增/减 ${change} 为负数，请核实`,
          at(TABLE2_2019_ROW_LABELS[key], L.change),
        ),
      );
    }
  }
  return findings;
}

/** The table-二 rules of the 2019 format; none for a report in the 2021 format. */
export function checkTable2Of2019(report: Report): Finding[] {
  const table = report.format2019?.table2;
  if (!table) return [];
  return [...checkShape(report, table), ...checkConsistency(table)];
}
