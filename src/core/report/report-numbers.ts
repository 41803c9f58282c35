import { TABLE3_ROW_KEYS, type Table3RowKey } from './labels.ts';
import type { Format2019, Report, Table2, Table3, Table4 } from './schema.ts';

/** The three tables of a report: what assembly computes from the records, and numbers_json stores. */
export interface ReportNumbers {
  table2: Table2;
  table3: Table3;
  table4: Table4;
  /** A report in the 2019 format: its own table 二 and （六）其他处理 row (table2 is then all null). */
  format2019?: Format2019;
}

/** The numbers of a report as numbers_json keeps them. */
export function numbersOfReport(report: Report): ReportNumbers {
  const numbers: ReportNumbers = { table2: report.table2, table3: report.table3, table4: report.table4 };
  if (report.format2019) numbers.format2019 = report.format2019;
  return numbers;
}

export function zeroTable2(): Table2 {
  return {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
    licensing: 0,
    punishment: 0,
    coercion: 0,
    feesWanYuan: 0,
  };
}

export function zeroTable3(): Table3 {
  return Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, [0, 0, 0, 0, 0, 0, 0]])) as Record<
    Table3RowKey,
    number[]
  > as Table3;
}

export function zeroTable4(): Table4 {
  return {
    review: [0, 0, 0, 0, 0],
    litigationDirect: [0, 0, 0, 0, 0],
    litigationAfterReview: [0, 0, 0, 0, 0],
  };
}
