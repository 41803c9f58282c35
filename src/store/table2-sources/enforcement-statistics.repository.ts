import type { Kysely, Transaction } from 'kysely';
import type { EnforcementFigures } from '../../core/table2-sources/enforcement-figures.ts';
import type { Database, EnforcementStatisticsTable } from '../database.ts';

/** An agency-year of table 二 figures as stored. */
export interface StoredEnforcementFigures extends EnforcementFigures {
  agencyId: string;
  year: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const FIGURES_CONFLICT_MESSAGE = '该年度的统计数据已被他人修改，请刷新后重试';

function rowToFigures(row: EnforcementStatisticsTable): StoredEnforcementFigures {
  return {
    agencyId: row.agency_id,
    year: row.year,
    licensing: row.licensing,
    punishment: row.punishment,
    coercion: row.coercion,
    feesWanYuanE4: row.fees_wan_yuan_e4 === null ? null : Number(row.fees_wan_yuan_e4),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The figures entered for the agency-year, or null when none were. */
export async function getEnforcementFigures(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<StoredEnforcementFigures | null> {
  const row = await db
    .selectFrom('enforcement_statistics')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? rowToFigures(row) : null;
}

const columnsOf = (figures: EnforcementFigures, at: string) => ({
  licensing: figures.licensing,
  punishment: figures.punishment,
  coercion: figures.coercion,
  fees_wan_yuan_e4: figures.feesWanYuanE4,
  updated_at: at,
});

/**
 * Inserts the agency-year's first entry (version 1); false when an entry exists (another
 * transaction saved first: on PostgreSQL the insert waits for it to commit, then does nothing).
 */
export async function insertEnforcementFigures(
  trx: Transaction<Database>,
  agencyId: string,
  year: number,
  figures: EnforcementFigures,
  at: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('enforcement_statistics')
    .values({ agency_id: agencyId, year, ...columnsOf(figures, at), version: 1, created_at: at })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
    .executeTakeFirst();
  return Boolean(result.numInsertedOrUpdatedRows);
}

/**
 * Replaces the agency-year's figures, moving the entry to `fromVersion + 1`. With `onlyIfVersion`
 * the row must still be at that version; false when no row was written.
 */
export async function updateEnforcementFigures(
  trx: Transaction<Database>,
  agencyId: string,
  year: number,
  figures: EnforcementFigures,
  fromVersion: number,
  at: string,
  onlyIfVersion?: number,
): Promise<boolean> {
  const result = await trx
    .updateTable('enforcement_statistics')
    .set({ ...columnsOf(figures, at), version: fromVersion + 1 })
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .$if(onlyIfVersion !== undefined, (qb) => qb.where('version', '=', onlyIfVersion as number))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
