import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  openChildrenOfRegion,
  saveRegionClosure,
} from '../../store/organisation/agency-history.repository.ts';
import { auditClosure } from './audit-organisation-change.ts';
import { loadOpenRegion } from './load-organisation.ts';

/**
 * Closes (撤销) a region from `closedOn` (区划调整). Refused (INVALID_INPUT) while agencies or
 * regions below it still exist: close those first, so that no agency is left in a region that is
 * gone. It leaves the lists; its past records and reports stay. Audited. Throws NOT_FOUND too.
 */
export async function closeRegion(
  trx: StoreTrx,
  regionId: string,
  closedOn: string,
  actor: Actor,
  now: Moment,
) {
  const before = await loadOpenRegion(trx, regionId, '再次撤销');
  if (closedOn > now.today)
    throw new AppError('INVALID_INPUT', '撤销日期不能晚于今天', { field: 'closedOn' });
  const open = await openChildrenOfRegion(trx, regionId);
  if (open.agencies > 0 || open.regions > 0)
    throw new AppError(
      'INVALID_INPUT',
      `“${before.name}”下还有${[
        open.agencies > 0 ? `${open.agencies}个机关` : '',
        open.regions > 0 ? `${open.regions}个下级行政区划` : '',
      ]
        .filter(Boolean)
        .join('和')}未撤销，请先撤销它们`,
    );
  const after = await saveRegionClosure(trx, regionId, closedOn);
  await auditClosure(trx, { entity: 'region', entityId: regionId }, closedOn, actor, now);
  return after;
}
