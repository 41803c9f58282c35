import type { Table4 } from '../report/schema.ts';
import { CASE_RESULTS, type CaseFacts } from './case.ts';

/**
 * Table 四 of a year from the cases (DOMAIN.md §A.4). DOMAIN.md does not say which year a case
 * counts in; gongkai's reading, like table 三's treatment of carried-over applications: a case
 * counts in every year it was pending — filed on or before 31 December and not decided before
 * 1 January. Its column is its state on 31 December: decided in the year → 结果维持 / 结果纠正 /
 * 其他结果; still open on 31 December (or decided only later) → 尚未审结. So a case filed in
 * November and decided in March counts as 尚未审结 in the first year and with its result in the
 * second, and the report of a past year does not change when a later decision is recorded.
 * Totals (总计) are the sum of the four columns (T4-01..03 hold by construction).
 */
export function assembleTable4(cases: Iterable<CaseFacts>, year: number): Table4 {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table: Table4 = {
    review: [0, 0, 0, 0, 0],
    litigationDirect: [0, 0, 0, 0, 0],
    litigationAfterReview: [0, 0, 0, 0, 0],
  };
  for (const c of cases) {
    if (c.filedOn > end) continue;
    if (c.decidedOn !== null && c.decidedOn < start) continue;
    const row = table[c.kind] as number[];
    const column =
      c.decidedOn !== null && c.decidedOn <= end && c.result !== null ? CASE_RESULTS.indexOf(c.result) : 3;
    row[column]! += 1;
    row[4]! += 1;
  }
  return table;
}
