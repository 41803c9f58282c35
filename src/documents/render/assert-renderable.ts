import { AppError } from '../../core/errors.ts';
import {
  TABLE2_2019_LABELS as L19,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ROW_LABELS,
  TABLE2_2019_ROWS,
  TABLE3_2019_OTHER_LABEL,
} from '../../core/report/format-2019.ts';
import { formatCell } from '../../core/report/format-cell.ts';
import {
  TABLE2_LABELS as L2,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
} from '../../core/report/labels.ts';
import type { Cell, Format2019, Report } from '../../core/report/schema.ts';

interface Problem {
  path: string;
  message: string;
}

const MAX_LISTED = 3;

function checkCount(problems: Problem[], path: string, where: string, cell: Cell | undefined): void {
  if (cell === null) return;
  if (typeof cell !== 'number' || !Number.isInteger(cell) || cell < 0) {
    const shown = typeof cell === 'number' ? formatCell(cell) : String(cell);
    problems.push({ path, message: `${where}的值 ${shown} 不是非负整数` });
  }
}

function checkRow(
  problems: Problem[],
  path: string,
  where: string,
  row: readonly Cell[],
  columns: readonly string[],
) {
  if (!Array.isArray(row) || row.length !== columns.length) {
    problems.push({ path, message: `${where}应有 ${columns.length} 个数值` });
    return;
  }
  row.forEach((cell, i) => {
    checkCount(problems, `${path}[${i}]`, `${where}“${columns[i]}”列`, cell);
  });
}

/** The 2019 format's own cells: counts, 本年增/减 an integer of either sign, 采购总金额 ≥ 0. */
function checkFormat2019(problems: Problem[], format2019: Format2019): void {
  for (const { key, kind } of TABLE2_2019_ROWS) {
    const row = format2019.table2[key] as Record<string, Cell>;
    for (const column of TABLE2_2019_COLUMNS[kind]) {
      const cell = row[column] ?? null;
      const path = `format2019.table2.${key}.${column}`;
      const where = `表二“${TABLE2_2019_ROW_LABELS[key]}”行“${L19[column]}”列`;
      if (column === 'change') {
        if (cell !== null && !Number.isInteger(cell))
          problems.push({ path, message: `${where}的值 ${cell} 不是整数` });
      } else if (column === 'amount') {
        if (cell !== null && !(Number.isFinite(cell) && cell >= 0)) {
          problems.push({ path, message: `${where}的值 ${cell} 不是非负数` });
        }
      } else checkCount(problems, path, where, cell);
    }
  }
  checkRow(
    problems,
    'format2019.otherHandling',
    `表三“${TABLE3_2019_OTHER_LABEL}”行`,
    format2019.otherHandling,
    TABLE3_COLUMNS,
  );
}

/**
 * Refuses, before anything is rendered, a report that no printed form may show: a negative or
 * fractional count anywhere, a negative (or non-numeric) fee, a table row of the wrong length.
 * Blank cells (`null`) are fine — they print empty. The identities (勾稽关系) are the validator's
 * business, not the renderer's. Throws AppError INVALID_REPORT naming the first fields in Chinese;
 * `details` lists every offending path.
 */
export function assertRenderable(report: Report): void {
  const problems: Problem[] = [];
  const t2 = report.table2;
  const stocks = [
    ['regulations', L2.regulations],
    ['normativeDocuments', L2.normativeDocuments],
  ] as const;
  for (const [key, name] of stocks) {
    checkCount(problems, `table2.${key}.issued`, `表二“${name}”行“${L2.issued}”列`, t2[key].issued);
    checkCount(problems, `table2.${key}.repealed`, `表二“${name}”行“${L2.repealed}”列`, t2[key].repealed);
    checkCount(problems, `table2.${key}.inForce`, `表二“${name}”行“${L2.inForce}”列`, t2[key].inForce);
  }
  const decisions = [
    ['licensing', L2.licensing],
    ['punishment', L2.punishment],
    ['coercion', L2.coercion],
  ] as const;
  for (const [key, name] of decisions) {
    checkCount(problems, `table2.${key}`, `表二“${name}”行“${L2.decisions}”列`, t2[key]);
  }
  const fee = t2.feesWanYuan;
  if (fee !== null && (typeof fee !== 'number' || !Number.isFinite(fee) || fee < 0)) {
    const shown = typeof fee === 'number' ? formatCell(fee) : String(fee);
    problems.push({
      path: 'table2.feesWanYuan',
      message: `表二“${L2.fees}”行“${L2.feesAmount}”列的值 ${shown} 不是非负数`,
    });
  }
  for (const { key, label } of TABLE3_ROWS) {
    checkRow(problems, `table3.${key}`, `表三“${label}”行`, report.table3[key], TABLE3_COLUMNS);
  }
  for (const { key, label } of TABLE4_GROUPS) {
    checkRow(problems, `table4.${key}`, `表四“${label}”组`, report.table4[key], TABLE4_COLUMNS);
  }
  if (report.format2019) checkFormat2019(problems, report.format2019);
  if (problems.length === 0) return;
  const listed = problems.slice(0, MAX_LISTED).map((p) => p.message);
  const more = problems.length > MAX_LISTED ? `等 ${problems.length} 处` : '';
  throw new AppError('INVALID_REPORT', `${listed.join('；')}${more}，无法生成报告`, {
    fields: problems.map((p) => p.path),
  });
}
