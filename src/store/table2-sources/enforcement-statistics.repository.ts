import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { checkCount, type EnforcementFigures } from '../../core/table2-sources/enforcement-figures.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
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

/** Checks the year and every figure. Throws INVALID_INPUT in Chinese. */
export function checkFigures(year: number, figures: EnforcementFigures): EnforcementFigures {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) {
    throw new AppError('INVALID_INPUT', `年度“${year}”无效：应为2008至2100之间的年份`);
  }
  const fee = figures.feesWanYuanE4;
  if (fee !== null && (!Number.isSafeInteger(fee) || fee < 0)) {
    throw new AppError('INVALID_INPUT', '行政事业性收费金额应为不小于0的数（单位万元，最多4位小数）');
  }
  return {
    licensing: checkCount(figures.licensing, '行政许可本年处理决定数量'),
    punishment: checkCount(figures.punishment, '行政处罚本年处理决定数量'),
    coercion: checkCount(figures.coercion, '行政强制本年处理决定数量'),
    feesWanYuanE4: fee,
  };
}

/**
 * Enters (or replaces) the agency-year's figures. `expectedVersion` null means "there is no entry
 * yet"; otherwise the entry must still be at that version. Audited. Throws INVALID_INPUT,
 * NOT_FOUND (agency), CONFLICT (stale version, or an entry exists when none was expected).
 */
export async function saveEnforcementFigures(
  trx: Transaction<Database>,
  agencyId: string,
  year: number,
  figures: EnforcementFigures,
  expectedVersion: number | null,
  actor: Actor,
  now: Moment,
): Promise<StoredEnforcementFigures> {
  const valid = checkFigures(year, figures);
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  const before = await getEnforcementFigures(trx, agencyId, year);
  if ((before?.version ?? null) !== expectedVersion) throw new AppError('CONFLICT', FIGURES_CONFLICT_MESSAGE);
  const at = now.at.toISOString();
  const values = {
    licensing: valid.licensing,
    punishment: valid.punishment,
    coercion: valid.coercion,
    fees_wan_yuan_e4: valid.feesWanYuanE4,
    updated_at: at,
  };
  // Both statements match no row when another transaction saved first (on PostgreSQL they wait
  // for it to commit): the insert's ON CONFLICT DO NOTHING, the update's WHERE version = ….
  const written =
    before === null
      ? (
          await trx
            .insertInto('enforcement_statistics')
            .values({ agency_id: agencyId, year, ...values, version: 1, created_at: at })
            .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
            .executeTakeFirst()
        ).numInsertedOrUpdatedRows
      : (
          await trx
            .updateTable('enforcement_statistics')
            .set({ ...values, version: before.version + 1 })
            .where('agency_id', '=', agencyId)
            .where('year', '=', year)
            .where('version', '=', before.version)
            .executeTakeFirst()
        ).numUpdatedRows;
  if (!written) throw new AppError('CONFLICT', FIGURES_CONFLICT_MESSAGE);
  const after: StoredEnforcementFigures = {
    agencyId,
    year,
    ...valid,
    version: (before?.version ?? 0) + 1,
    createdAt: before?.createdAt ?? at,
    updatedAt: at,
  };
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'enforcement-statistics',
    entityId: `${agencyId}:${year}`,
    action: before === null ? 'enter' : 'update',
    before,
    after,
  });
  return after;
}
