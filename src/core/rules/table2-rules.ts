import { TABLE2_LABELS as L } from '../report/labels.ts';
import type { Cell, Report } from '../report/schema.ts';
import type { Finding, FindingLocation } from './finding.ts';
import { isCount, violation } from './make-finding.ts';
import { unreadableInScan } from './proofread-ocr.ts';

interface Table2Cell {
  value: Cell;
  /** “table2.regulations[0]”, “table2.licensing[0]”: where a scan's provenance names the cell. */
  key: string;
  row: string;
  column: string;
  /** Counts are integers; the fee is a decimal amount in 万元. */
  kind: 'count' | 'amount';
}

export function table2Cells(report: Report): Table2Cell[] {
  const t = report.table2;
  return [
    {
      value: t.regulations.issued,
      key: 'table2.regulations[0]',
      row: L.regulations,
      column: L.issued,
      kind: 'count',
    },
    {
      value: t.regulations.repealed,
      key: 'table2.regulations[1]',
      row: L.regulations,
      column: L.repealed,
      kind: 'count',
    },
    {
      value: t.regulations.inForce,
      key: 'table2.regulations[2]',
      row: L.regulations,
      column: L.inForce,
      kind: 'count',
    },
    {
      value: t.normativeDocuments.issued,
      key: 'table2.normativeDocuments[0]',
      row: L.normativeDocuments,
      column: L.issued,
      kind: 'count',
    },
    {
      value: t.normativeDocuments.repealed,
      key: 'table2.normativeDocuments[1]',
      row: L.normativeDocuments,
      column: L.repealed,
      kind: 'count',
    },
    {
      value: t.normativeDocuments.inForce,
      key: 'table2.normativeDocuments[2]',
      row: L.normativeDocuments,
      column: L.inForce,
      kind: 'count',
    },
    { value: t.licensing, key: 'table2.licensing[0]', row: L.licensing, column: L.decisions, kind: 'count' },
    {
      value: t.punishment,
      key: 'table2.punishment[0]',
      row: L.punishment,
      column: L.decisions,
      kind: 'count',
    },
    { value: t.coercion, key: 'table2.coercion[0]', row: L.coercion, column: L.decisions, kind: 'count' },
    { value: t.feesWanYuan, key: 'table2.feesWanYuan[0]', row: L.fees, column: L.feesAmount, kind: 'amount' },
  ];
}

function at(row: string, column: string): FindingLocation {
  return { table: 'table2', rowLabel: row, columns: [column] };
}

/** T2-01: ten cells present; counts are non-negative integers, the fee a non-negative amount. */
function checkShape(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const cell of table2Cells(report)) {
    if (cell.value === null) {
      // A cell a scan could not read is reported as such (OCR-02), not as the agency's blank.
      if (unreadableInScan(report, cell.key)) continue;
      findings.push(
        violation(
          'T2-01',
          '缺少数值（空白或填“/”“—”）：表二共 10 个数值，每个都应填写，没有则填 0',
          at(cell.row, cell.column),
        ),
      );
    } else if (cell.kind === 'count' && !isCount(cell.value)) {
      findings.push(
        violation('T2-01', `值 ${cell.value} 不是非负整数：件数只能是 0、1、2……`, at(cell.row, cell.column)),
      );
    } else if (cell.kind === 'amount' && cell.value < 0) {
      findings.push(violation('T2-01', `收费金额 ${cell.value} 为负数`, at(cell.row, cell.column)));
    }
  }
  for (const extra of report.extras?.cells ?? []) {
    if (extra.table !== 'table2') continue;
    findings.push(
      violation('T2-01', `表二“${extra.row ?? ''}”行多出第 ${extra.position} 个数值，标准格式中没有该列`, {
        table: 'table2',
        rowLabel: extra.row ?? '',
        ...(extra.source ? { source: extra.source } : {}),
      }),
    );
  }
  return findings;
}

function decimalPlaces(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The amount from which a department's fee in 万元 is implausible: 10亿元. */
const IMPLAUSIBLE_FEE_WAN_YUAN = 100_000;

/** T2-03: the fee is in 万元; more than 4 decimals or an implausibly large amount suggests 元. */
function checkFeeUnit(report: Report): Finding[] {
  const fee = report.table2.feesWanYuan;
  if (fee === null || fee < 0) return [];
  const location = at(L.fees, L.feesAmount);
  if (decimalPlaces(fee) > 4) {
    return [
      violation(
        'T2-03',
        `收费金额 ${fee} 有 ${decimalPlaces(fee)} 位小数，超过“万元”精确到元所需的 4 位；单位可能误用为“元”`,
        location,
      ),
    ];
  }
  if (fee >= IMPLAUSIBLE_FEE_WAN_YUAN) {
    return [
      violation(
        'T2-03',
        `收费金额 ${fee} 万元（${fee / 10_000} 亿元）对一个机关而言过大；单位可能误用为“元”`,
        location,
      ),
    ];
  }
  return [];
}

/**
 * Whether the agency may make 规章 (立法法): State Council ministries and commissions, and the people's
 * governments of provinces and of 设区的市. Decided from the name; a county government or any
 * department of a local government may not.
 */
export function mayMakeRegulations(agency: string): boolean {
  const name = agency.replace(/\s+/g, '');
  if (/^(中华人民共和国|国务院|国家)/.test(name)) return true;
  if (/^[^省市县区]{2,8}(部|委员会)$/.test(name)) return true;
  if (/人民政府$/.test(name))
    return !/(县|区|旗|镇|乡|街道)人民政府$/.test(name) || /(省|自治区|市)人民政府$/.test(name);
  return false;
}

/** T2-04: an agency without rule-making power should report no 规章. */
function checkRegulationPower(report: Report): Finding[] {
  if (mayMakeRegulations(report.agency)) return [];
  const r = report.table2.regulations;
  const nonZero = [
    [L.issued, r.issued],
    [L.repealed, r.repealed],
    [L.inForce, r.inForce],
  ].filter(([, v]) => typeof v === 'number' && v > 0) as Array<[string, number]>;
  if (nonZero.length === 0) return [];
  return [
    violation(
      'T2-04',
      `“${report.agency}”按名称看不是有规章制定权的机关（国务院部门、省级和设区的市人民政府），规章数应为 0；本机关如确有规章制定权可忽略此提示`,
      { table: 'table2', rowLabel: L.regulations, columns: nonZero.map(([c]) => c) },
    ),
  ];
}

/** Y-02 within one year: documents issued this year are either still in force or repealed. */
function checkStockWithinYear(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const [label, s] of [
    [L.regulations, report.table2.regulations],
    [L.normativeDocuments, report.table2.normativeDocuments],
  ] as const) {
    if (s.issued === null || s.repealed === null || s.inForce === null) continue;
    if (s.issued > s.inForce + s.repealed) {
      findings.push(
        violation(
          'Y-02',
          `本年制发 ${s.issued} 件，多于现行有效 ${s.inForce} 件与本年废止 ${s.repealed} 件之和：本年制发的文件应计入现行有效或本年废止`,
          {
            table: 'table2',
            rowLabel: label,
            columns: [L.issued, L.repealed, L.inForce],
          },
        ),
      );
    }
  }
  return findings;
}

export function checkTable2(report: Report): Finding[] {
  return [
    ...checkShape(report),
    ...checkFeeUnit(report),
    ...checkRegulationPower(report),
    ...checkStockWithinYear(report),
  ];
}
