import { TABLE3_2019_OTHER_LABEL } from '../report/format-2019.ts';
import {
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  TABLE3_TOTAL_COLUMN,
  type Table3Group,
  type Table3RowKey,
  table3FullLabel,
  table3Group,
} from '../report/labels.ts';
import { normalizeLabel } from '../report/normalize-text.ts';
import type { Cell, ExtraCell, Report } from '../report/schema.ts';
import type { Finding } from './finding.ts';
import { isCount, notAssessable, sumCells, violation } from './make-finding.ts';
import { unreadableInScan } from './proofread-ocr.ts';

const COLUMN_INDEXES = TABLE3_COLUMNS.map((_, i) => i);
/** From how many rows an extra cell at the same position counts as an extra column. */
const WHOLE_COLUMN_ROWS = 20;

function column(report: Report, key: Table3RowKey, c: number): Cell {
  return report.table3[key][c] ?? null;
}

/** T3-01: 一 + 二 = （七）总计 + 四, for every column (the note printed on the form). */
function checkBalance(report: Report): Finding[] {
  const findings: Finding[] = [];
  const blankColumns: string[] = [];
  for (const c of COLUMN_INDEXES) {
    const left = sumCells([column(report, 'newReceived', c), column(report, 'carriedOver', c)]);
    const right = sumCells([column(report, 'totalConcluded', c), column(report, 'carriedForward', c)]);
    if (left === null || right === null) {
      blankColumns.push(TABLE3_COLUMNS[c]!);
      continue;
    }
    if (left !== right) {
      findings.push(
        violation(
          'T3-01',
          `勾稽关系不成立：“${TABLE3_COLUMNS[c]}”列 本年新收 ${column(report, 'newReceived', c)} + 上年结转 ${column(report, 'carriedOver', c)} = ${left}，但（七）总计 ${column(report, 'totalConcluded', c)} + 结转下年度 ${column(report, 'carriedForward', c)} = ${right}`,
          { table: 'table3', rowLabel: '一、二 与（七）、四', columns: [TABLE3_COLUMNS[c]!] },
        ),
      );
    }
  }
  if (blankColumns.length > 0) {
    findings.push(
      notAssessable(
        'T3-01',
        `“${blankColumns.join('”“')}”列的第一、二、（七）、四项中有空白单元格，勾稽关系无法核对`,
        {
          table: 'table3',
          columns: blankColumns,
        },
      ),
    );
  }
  return findings;
}

/**
 * Groups printed as one row (the 2019 layout of （六）其他处理): an extra row captioned only by the
 * group, not a subtotal, while every cell of the group's items is blank. Its values stand for the
 * items in the outcome sum (T3-02).
 */
function mergedGroups(report: Report): Map<Table3Group, Cell[]> {
  const merged = new Map<Table3Group, Cell[]>();
  // The 2019 format prints （六）其他处理 as one row of its own (format-2019.ts).
  if (report.format2019) merged.set('other', report.format2019.otherHandling);
  for (const row of report.extras?.rows ?? []) {
    if (row.table !== 'table3' || row.subtotalOf) continue;
    const group = (Object.keys(TABLE3_GROUPS) as Table3Group[]).find(
      (g) => normalizeLabel(TABLE3_GROUPS[g]) === normalizeLabel(row.label),
    );
    if (!group || merged.has(group)) continue;
    const items = TABLE3_OUTCOME_KEYS.filter((k) => table3Group(k) === group);
    if (items.every((k) => report.table3[k].every((cell) => cell === null))) merged.set(group, row.values);
  }
  return merged;
}

/** T3-02: （七）总计 = the sum of the 21 outcome rows, for every column (a merged group counts once). */
function checkOutcomeSum(report: Report): Finding[] {
  const findings: Finding[] = [];
  const blankColumns: string[] = [];
  const merged = mergedGroups(report);
  const addends = (c: number): Cell[] => [
    ...TABLE3_OUTCOME_KEYS.filter((k) => {
      const group = table3Group(k);
      return !(group && merged.has(group));
    }).map((k) => column(report, k, c)),
    ...[...merged.values()].map((values) => values[c] ?? null),
  ];
  for (const c of COLUMN_INDEXES) {
    const total = column(report, 'totalConcluded', c);
    const sum = sumCells(addends(c));
    if (total === null || sum === null) {
      blankColumns.push(TABLE3_COLUMNS[c]!);
      continue;
    }
    if (total !== sum) {
      findings.push(
        violation(
          'T3-02',
          `（七）总计为 ${total}，但（一）至（六）各项办理结果之和为 ${sum}（“${TABLE3_COLUMNS[c]}”列）`,
          {
            table: 'table3',
            rowKey: 'totalConcluded',
            rowLabel: table3FullLabel('totalConcluded'),
            columns: [TABLE3_COLUMNS[c]!],
          },
        ),
      );
    }
  }
  if (blankColumns.length > 0) {
    findings.push(
      notAssessable('T3-02', `“${blankColumns.join('”“')}”列的办理结果中有空白单元格，（七）总计无法核对`, {
        table: 'table3',
        rowKey: 'totalConcluded',
        rowLabel: table3FullLabel('totalConcluded'),
        columns: blankColumns,
      }),
    );
  }
  return findings;
}

interface PrintedRow {
  /** The model key; null for the 2019 format's one （六）其他处理 row. */
  key: Table3RowKey | null;
  label: string;
  cells: readonly Cell[];
}

/** The rows the report's format prints: in the 2019 format, （六）其他处理 as one row in place of its three items. */
function printedRows(report: Report): PrintedRow[] {
  const format2019 = report.format2019;
  const rows: PrintedRow[] = [];
  for (const key of TABLE3_ROW_KEYS) {
    if (format2019 && table3Group(key) === 'other') {
      if (key === 'other.noCorrection') {
        rows.push({ key: null, label: TABLE3_2019_OTHER_LABEL, cells: format2019.otherHandling });
      }
      continue;
    }
    rows.push({ key, label: table3FullLabel(key), cells: report.table3[key] });
  }
  return rows;
}

const rowAt = (row: PrintedRow) => ({
  table: 'table3' as const,
  ...(row.key ? { rowKey: row.key } : {}),
  rowLabel: row.label,
});

/** T3-03: 总计 column = 自然人 + the five kinds of 法人或其他组织, for every row. */
function checkRowSums(report: Report): Finding[] {
  const findings: Finding[] = [];
  const blankRows: string[] = [];
  for (const printed of printedRows(report)) {
    const row = printed.cells;
    const total = row[TABLE3_TOTAL_COLUMN] ?? null;
    const sum = sumCells(row.slice(0, TABLE3_TOTAL_COLUMN));
    if (total === null || sum === null) {
      blankRows.push(printed.label);
      continue;
    }
    if (total !== sum) {
      findings.push(
        violation('T3-03', `“总计”列为 ${total}，但自然人与五类法人或其他组织之和为 ${sum}`, {
          ...rowAt(printed),
          columns: ['总计'],
        }),
      );
    }
  }
  if (blankRows.length > 0) {
    const listed =
      blankRows.length > 3
        ? `${blankRows.slice(0, 3).join('、')}等 ${blankRows.length} 行`
        : blankRows.join('、');
    findings.push(
      notAssessable('T3-03', `${listed}有空白单元格，行合计无法核对`, { table: 'table3', columns: ['总计'] }),
    );
  }
  return findings;
}

/** T3-04: each cell a non-negative integer; blanks and "/" are reported per row. */
function checkCells(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const printed of printedRows(report)) {
    const row = printed.cells;
    const blank = COLUMN_INDEXES.filter(
      (c) =>
        row[c] === null &&
        !(printed.key && unreadableInScan(report, { table: 'table3', row: printed.key, column: c })),
    ).map((c) => TABLE3_COLUMNS[c]!);
    const location = rowAt(printed);
    if (blank.length > 0) {
      findings.push(
        violation('T3-04', `有 ${blank.length} 个单元格空白或填“/”“—”，应填写数字（没有则填 0）`, {
          ...location,
          columns: blank,
        }),
      );
    }
    for (const c of COLUMN_INDEXES) {
      const v = row[c];
      if (v !== null && v !== undefined && !isCount(v)) {
        findings.push(
          violation(
            'T3-04',
            `单元格的值 ${v} 不是非负整数：申请件数只能是 0、1、2……`,
            { ...location, columns: [TABLE3_COLUMNS[c]!] },
            'error',
          ),
        );
      }
    }
  }
  return findings;
}

/** T3-05: 25 rows × 7 columns. Extra printed cells and rows that are neither format rows nor subtotals. */
function checkShape(report: Report): Finding[] {
  const findings: Finding[] = [];
  const extraByRow = new Map<string, ExtraCell[]>();
  for (const cell of report.extras?.cells ?? []) {
    if (cell.table !== 'table3') continue;
    extraByRow.set(cell.row ?? '', [...(extraByRow.get(cell.row ?? '') ?? []), cell]);
  }
  // A column printed in (nearly) every row is one extra column, reported once (e.g. a 法人小计 column).
  const rowsByPosition = new Map<number, number>();
  for (const cells of extraByRow.values()) {
    for (const p of new Set(cells.map((c) => c.position)))
      rowsByPosition.set(p, (rowsByPosition.get(p) ?? 0) + 1);
  }
  const wholeColumns = [...rowsByPosition].filter(([, n]) => n >= WHOLE_COLUMN_ROWS).map(([p]) => p);
  for (const position of wholeColumns.sort((a, b) => a - b)) {
    const column = [...extraByRow.values()].flat().filter((c) => c.position === position);
    const first = column.find((c) => c.source);
    const label = column.find((c) => c.label)?.label;
    const location = { table: 'table3' as const, ...(first?.source ? { source: first.source } : {}) };
    if (label?.includes('小计')) {
      // DOMAIN §A.3: some tools add a 法人小计 column; optional and derived: a warning, and it must add up.
      findings.push(
        violation('T3-05', `表三多出“${label}”列：标准格式没有该列，可删除`, location, 'warning'),
      );
      findings.push(...checkLegalPersonSubtotal(report, column, label));
      continue;
    }
    findings.push(
      violation(
        'T3-05',
        `表三多出一列：${rowsByPosition.get(position)} 行印有第 ${position} 个数值，标准格式只有 7 列`,
        location,
      ),
    );
  }
  for (const [row, all] of extraByRow) {
    const cells = all.filter((c) => !wholeColumns.includes(c.position));
    if (cells.length === 0) continue;
    const positions = cells.map((c) => c.position);
    const source = cells.find((c) => c.source)?.source;
    const isKey = (TABLE3_ROW_KEYS as readonly string[]).includes(row);
    const label = isKey ? table3FullLabel(row as Table3RowKey) : row || '（未知行）';
    const printed = Math.max(...positions);
    findings.push(
      violation(
        'T3-05',
        `该行印有 ${Math.max(printed, 7 + positions.length)} 个数值，标准格式每行 7 个（第 ${positions.sort((a, b) => a - b).join('、')} 个为多出的列）`,
        {
          table: 'table3',
          ...(isKey ? { rowKey: row } : {}),
          rowLabel: label,
          ...(source ? { source } : {}),
        },
      ),
    );
  }
  for (const row of report.extras?.rows ?? []) {
    if (row.table !== 'table3' || row.subtotalOf) continue;
    findings.push(
      violation('T3-05', `表三多出标准格式中没有的一行“${row.label}”`, {
        table: 'table3',
        rowLabel: row.label,
        ...(row.source ? { source: row.source } : {}),
      }),
    );
  }
  return findings;
}

/** T3-06 for a 法人小计 column: each value equals the five kinds of 法人或其他组织 of its row. */
function checkLegalPersonSubtotal(report: Report, column: ExtraCell[], label: string): Finding[] {
  const findings: Finding[] = [];
  for (const cell of column) {
    const key = cell.row as Table3RowKey;
    const row = (TABLE3_ROW_KEYS as readonly string[]).includes(key) ? report.table3[key] : null;
    const sum = row ? sumCells(row.slice(1, 6)) : null;
    if (sum === null || cell.value === null || sum === cell.value) continue;
    findings.push(
      violation('T3-06', `“${label}”为 ${cell.value}，但五类法人或其他组织之和为 ${sum}`, {
        table: 'table3',
        rowKey: key,
        rowLabel: table3FullLabel(key),
        columns: [label],
        ...(cell.source ? { source: cell.source } : {}),
      }),
    );
  }
  return findings;
}

/** T3-06: a subtotal row a report adds for （三）–（六） must equal the sum of its items. */
function checkSubtotals(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const row of report.extras?.rows ?? []) {
    if (row.table !== 'table3' || !row.subtotalOf) continue;
    const group: Table3Group = row.subtotalOf;
    const children = TABLE3_ROW_KEYS.filter((k) => table3Group(k) === group);
    for (const c of COLUMN_INDEXES) {
      const printed = row.values[c] ?? null;
      const sum = sumCells(children.map((k) => column(report, k, c)));
      if (printed === null || sum === null) continue;
      if (printed !== sum) {
        findings.push(
          violation(
            'T3-06',
            `小计行“${row.label}”为 ${printed}，但${TABLE3_GROUPS[group]}下各项之和为 ${sum}`,
            {
              table: 'table3',
              rowLabel: row.label,
              columns: [TABLE3_COLUMNS[c]!],
              ...(row.source ? { source: row.source } : {}),
            },
          ),
        );
      }
    }
  }
  return findings;
}

export function checkTable3(report: Report): Finding[] {
  return [
    ...checkShape(report),
    ...checkCells(report),
    ...checkBalance(report),
    ...checkOutcomeSum(report),
    ...checkRowSums(report),
    ...checkSubtotals(report),
  ];
}
