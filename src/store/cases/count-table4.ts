import { type Kysely, sql } from 'kysely';
import { assembleTable4 } from '../../core/cases/assemble-table4.ts';
import { CASE_KINDS, CASE_RESULTS, type CaseKind, type CaseResult } from '../../core/cases/case.ts';
import { AppError } from '../../core/errors.ts';
import type { Table4 } from '../../core/report/schema.ts';
import type { Database } from '../database.ts';

interface CountRow {
  kind: CaseKind;
  /** The result when decided in the year, else null (尚未审结 on 31 December). */
  year_result: CaseResult | null;
  n: number | string;
}

/**
 * Table 四 of an agency's year, counted by the database (GROUP BY kind × result: at most 3 × 4
 * rows come back). SQL twin of the core's assembleTable4, whose comment gives the year rule: a case
 * counts in every year it was pending (filed on or before 31 December, not decided before
 * 1 January), with its result if decided in the year, else as 尚未审结.
 */
export async function countTable4(db: Kysely<Database>, agencyId: string, year: number): Promise<Table4> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const { rows } = await sql<CountRow>`
    select kind,
           case when decided_on is not null and decided_on <= ${end} then result else null end as year_result,
           count(*) as n
    from cases
    where agency_id = ${agencyId}
      and filed_on <= ${end}
      and (decided_on is null or decided_on >= ${start})
    group by 1, 2`.execute(db);
  const table = assembleTable4([], year);
  for (const row of rows) {
    const column = row.year_result === null ? 3 : CASE_RESULTS.indexOf(row.year_result);
    if (!CASE_KINDS.includes(row.kind) || column < 0) {
      throw new AppError('INTERNAL', `案件记录中有无效的类型或结果（${row.kind}，${row.year_result}）`);
    }
    const cells = table[row.kind] as number[];
    cells[column]! += Number(row.n);
    cells[4]! += Number(row.n);
  }
  return table;
}
