import {
  TABLE4_COLUMNS,
  TABLE4_GROUP_KEYS,
  TABLE4_GROUP_LABELS,
  TABLE4_TOTAL_COLUMN,
} from '../report/labels.ts';
import type { Report } from '../report/schema.ts';
import type { Finding } from './finding.ts';
import { isCount, notAssessable, sumCells, violation } from './make-finding.ts';
import { unreadableInScan } from './proofread-ocr.ts';

const GROUP_RULE = { review: 'T4-01', litigationDirect: 'T4-02', litigationAfterReview: 'T4-03' } as const;

/** T4-01..03: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
function checkGroupTotals(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const group of TABLE4_GROUP_KEYS) {
    const values = report.table4[group];
    const total = values[TABLE4_TOTAL_COLUMN] ?? null;
    const sum = sumCells(values.slice(0, TABLE4_TOTAL_COLUMN));
    const location = { table: 'table4' as const, rowLabel: TABLE4_GROUP_LABELS[group], columns: ['总计'] };
    if (total === null || sum === null) {
      findings.push(
        notAssessable(
          GROUP_RULE[group],
          `“${TABLE4_GROUP_LABELS[group]}”有空白单元格，总计无法核对`,
          location,
        ),
      );
    } else if (total !== sum) {
      findings.push(
        violation(
          GROUP_RULE[group],
          `“${TABLE4_GROUP_LABELS[group]}”总计为 ${total}，但结果维持、结果纠正、其他结果、尚未审结之和为 ${sum}`,
          location,
        ),
      );
    }
  }
  return findings;
}

/** T4-04: fifteen non-negative integers, no blank, no extra column. */
function checkShape(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const group of TABLE4_GROUP_KEYS) {
    const values = report.table4[group];
    const blank = TABLE4_COLUMNS.filter(
      (_, c) => values[c] === null && !unreadableInScan(report, { table: 'table4', row: group, column: c }),
    );
    const location = { table: 'table4' as const, rowLabel: TABLE4_GROUP_LABELS[group] };
    if (blank.length > 0) {
      findings.push(
        violation(
          'T4-04',
          `有 ${blank.length} 个单元格空白或填“/”“—”，应填写数字（没有则填 0）`,
          { ...location, columns: blank },
          'warning',
        ),
      );
    }
    values.forEach((v, c) => {
      if (v !== null && !isCount(v)) {
        findings.push(
          violation('T4-04', `值 ${v} 不是非负整数：案件数只能是 0、1、2……`, {
            ...location,
            columns: [TABLE4_COLUMNS[c]!],
          }),
        );
      }
    });
  }
  const extras = (report.extras?.cells ?? []).filter((c) => c.table === 'table4');
  if (extras.length > 0) {
    const printed = 15 + extras.length;
    findings.push(
      violation(
        'T4-04',
        `数据行印有 ${printed} 个数值，标准格式为 15 个（第 ${extras.map((e) => e.position).join('、')} 个为多出的列）`,
        {
          table: 'table4',
          ...(extras[0]?.source ? { source: extras[0].source } : {}),
        },
      ),
    );
  }
  return findings;
}

export function checkTable4(report: Report): Finding[] {
  return [...checkShape(report), ...checkGroupTotals(report)];
}
