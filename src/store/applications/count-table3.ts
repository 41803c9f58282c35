import { type Kysely, sql } from 'kysely';
import { APPLICANT_TYPES, type ApplicantType } from '../../core/applications/application.ts';
import { AppError } from '../../core/errors.ts';
import { TABLE3_OUTCOME_KEYS, TABLE3_ROW_KEYS, type Table3RowKey } from '../../core/report/labels.ts';
import type { Table3 } from '../../core/report/schema.ts';
import type { Database } from '../database.ts';

interface CountRow {
  applicant_type: ApplicantType;
  /** 1 = received in the year (row 一), 0 = carried over from before (row 二). */
  is_new: number;
  /** The outcome row when concluded in the year, else null (row 四, carried forward). */
  concluded_outcome: Table3RowKey | null;
  n: number;
}

/**
 * Table 三 of an agency's year, counted by the database (GROUP BY applicant type × new/carried ×
 * outcome: at most 6 × 2 × 22 rows come back, whatever the number of applications). Same year
 * logic as the core's assembleTable3, of which it is the SQL twin: received after 31 December or
 * concluded before 1 January → not counted; received in the year → 一, before → 二; concluded in
 * the year → its outcome row and （七）; otherwise → 四. No personal data is read.
 */
export async function countTable3(db: Kysely<Database>, agencyId: string, year: number): Promise<Table3> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const { rows } = await sql<CountRow>`
    select applicant_type,
           case when received_on >= ${start} then 1 else 0 end as is_new,
           case when concluded_on is not null and concluded_on <= ${end} then outcome else null end
             as concluded_outcome,
           count(*) as n
    from applications
    where agency_id = ${agencyId}
      and received_on <= ${end}
      and (concluded_on is null or concluded_on >= ${start})
    group by 1, 2, 3`.execute(db);

  const table = Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, [0, 0, 0, 0, 0, 0, 0]])) as Record<
    Table3RowKey,
    number[]
  >;
  const add = (key: Table3RowKey, column: number, n: number) => {
    table[key][column]! += n;
    table[key][6]! += n;
  };
  for (const row of rows) {
    const column = APPLICANT_TYPES.indexOf(row.applicant_type);
    const outcome = row.concluded_outcome;
    if (column < 0 || (outcome !== null && !TABLE3_OUTCOME_KEYS.includes(outcome))) {
      throw new AppError(
        'INTERNAL',
        `申请记录中有无效的申请人类型或办理结果（${row.applicant_type}，${outcome}）`,
      );
    }
    const n = Number(row.n);
    add(Number(row.is_new) === 1 ? 'newReceived' : 'carriedOver', column, n);
    if (outcome !== null) {
      add(outcome, column, n);
      add('totalConcluded', column, n);
    } else {
      add('carriedForward', column, n);
    }
  }
  return table as Table3;
}
