import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { checkFigures, type EnforcementFigures } from '../../core/table2-sources/enforcement-figures.ts';
import { agencyExists } from '../../store/agency-row.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  FIGURES_CONFLICT_MESSAGE,
  getEnforcementFigures,
  insertEnforcementFigures,
  type StoredEnforcementFigures,
  updateEnforcementFigures,
} from '../../store/table2-sources/enforcement-statistics.repository.ts';

/**
 * Enters (or replaces) the agency-year's figures. `expectedVersion` null means "there is no entry
 * yet"; otherwise the entry must still be at that version. Audited. Throws INVALID_INPUT,
 * NOT_FOUND (agency), CONFLICT (stale version, or an entry exists when none was expected).
 */
export async function saveEnforcementFigures(
  trx: StoreTrx,
  agencyId: string,
  year: number,
  figures: EnforcementFigures,
  expectedVersion: number | null,
  actor: Actor,
  now: Moment,
): Promise<StoredEnforcementFigures> {
  const valid = checkFigures(year, figures);
  if (!(await agencyExists(trx, agencyId))) throw new AppError('NOT_FOUND', '机关不存在');
  const before = await getEnforcementFigures(trx, agencyId, year);
  if ((before?.version ?? null) !== expectedVersion) throw new AppError('CONFLICT', FIGURES_CONFLICT_MESSAGE);
  const at = now.at.toISOString();
  // Both writes match no row when another transaction saved first (on PostgreSQL they wait
  // for it to commit): the insert's ON CONFLICT DO NOTHING, the update's WHERE version = ….
  const written =
    before === null
      ? await insertEnforcementFigures(trx, agencyId, year, valid, at)
      : await updateEnforcementFigures(trx, agencyId, year, valid, before.version, at, before.version);
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
    agencyId: agencyId,
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
