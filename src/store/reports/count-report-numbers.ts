import type { Kysely } from 'kysely';
import type { ReportNumbers } from '../../core/report/report-numbers.ts';
import { countTable3 } from '../applications/count-table3.ts';
import { countTable4 } from '../cases/count-table4.ts';
import type { Database } from '../database.ts';
import { countTable2 } from '../table2-sources/count-table2.ts';

/**
 * The three tables of an agency's year, each counted by the database from the records (GROUP BY
 * aggregation; no record is loaded into memory): table 二 from the register of 规章 / 行政规范性文件
 * and the year's enforcement figures (null where not entered: the validator's T2-01 then refuses
 * submission until they are), table 三 from the applications (carry-over included), table 四 from
 * the reconsideration and litigation cases. Sequential: on PostgreSQL a transaction is one connection.
 */
export async function countReportNumbers(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<ReportNumbers> {
  const table2 = await countTable2(db, agencyId, year);
  const table3 = await countTable3(db, agencyId, year);
  const table4 = await countTable4(db, agencyId, year);
  return { table2, table3, table4 };
}
