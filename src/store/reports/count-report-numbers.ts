import type { Kysely } from 'kysely';
import { type ReportNumbers, zeroTable2, zeroTable4 } from '../../core/report/report-numbers.ts';
import { countTable3 } from '../applications/count-table3.ts';
import type { Database } from '../database.ts';

/**
 * The three tables of an agency's year, each counted by the database from the records (GROUP BY
 * aggregation; no record is loaded into memory). The one place that knows where each table comes
 * from: table 三 from the applications (carry-over included).
 *
 * Table 二 (proactive register, normative documents, decision counts) and table 四 (reconsideration
 * and litigation cases) come from the records engineer's registers; until those are merged they
 * are zero here, which is the only line to change when they are.
 */
export async function countReportNumbers(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<ReportNumbers> {
  const table3 = await countTable3(db, agencyId, year);
  return { table2: zeroTable2(), table3, table4: zeroTable4() };
}
