import { type Kysely, sql } from 'kysely';
import type { Table2 } from '../../core/report/schema.ts';
import { assembleTable2 } from '../../core/table2-sources/assemble-table2.ts';
import type { Database } from '../database.ts';
import { getEnforcementFigures } from './enforcement-statistics.repository.ts';

interface StockRow {
  kind: 'regulation' | 'normative';
  issued: number | string | null;
  repealed: number | string | null;
  in_force: number | string | null;
}

/**
 * Table 二 of an agency's year, counted by the database: one GROUP BY kind over the register of
 * 规章 / 行政规范性文件 (at most two rows come back, whatever the size of the register), plus the
 * year's row of enforcement figures. SQL twin of the core's assembleTable2 (same day logic:
 * issued in the year, repealed in the year, in force on 31 December); figures not entered are null.
 */
export async function countTable2(db: Kysely<Database>, agencyId: string, year: number): Promise<Table2> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const { rows } = await sql<StockRow>`
    select kind,
           sum(case when issued_on >= ${start} and issued_on <= ${end} then 1 else 0 end) as issued,
           sum(case when repealed_on >= ${start} and repealed_on <= ${end} then 1 else 0 end) as repealed,
           sum(case when issued_on <= ${end} and (repealed_on is null or repealed_on > ${end})
                    then 1 else 0 end) as in_force
    from normative_documents
    where agency_id = ${agencyId} and issued_on <= ${end}
    group by kind`.execute(db);
  const table = assembleTable2([], await getEnforcementFigures(db, agencyId, year), year);
  for (const row of rows) {
    const stock = {
      issued: Number(row.issued),
      repealed: Number(row.repealed),
      inForce: Number(row.in_force),
    };
    if (row.kind === 'regulation') table.regulations = stock;
    else table.normativeDocuments = stock;
  }
  return table;
}
