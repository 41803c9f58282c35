import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { saveRegionName } from '../../store/organisation/agency-history.repository.ts';
import { auditRename } from './audit-organisation-change.ts';
import { loadOpenRegion } from './load-organisation.ts';

/** Renames a region (its code stays: the 行政区划代码 identifies it). Audited. Throws NOT_FOUND, INVALID_INPUT. */
export async function renameRegion(trx: StoreTrx, regionId: string, name: string, actor: Actor, now: Moment) {
  const before = await loadOpenRegion(trx, regionId, '改名');
  const trimmed = name.trim();
  if (trimmed === before.name) throw new AppError('INVALID_INPUT', '新名称与现名称相同', { field: 'name' });
  const after = await saveRegionName(trx, regionId, trimmed);
  await auditRename(
    trx,
    { entity: 'region', entityId: regionId },
    { before: { name: before.name }, after: { name: after.name } },
    actor,
    now,
  );
  return after;
}
