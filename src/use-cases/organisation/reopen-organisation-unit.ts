import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { saveAgencyClosure, saveRegionClosure } from '../../store/organisation/agency-history.repository.ts';
import { getAgency, getRegion } from '../../store/organisation/organisation.repository.ts';
import { auditReopening } from './audit-organisation-change.ts';

/**
 * Reopens (恢复) an agency closed by mistake, or whose closure was revoked: it is in the lists
 * again, takes applications, and a merger is undone (its successor no longer shows its reports).
 * Refused (INVALID_INPUT) when it is not closed or its region is closed (reopen that first).
 * Audited with the closure it undoes. Throws NOT_FOUND too.
 */
export async function reopenAgency(trx: StoreTrx, agencyId: string, actor: Actor, now: Moment) {
  const before = await getAgency(trx, agencyId);
  if (!before) throw new AppError('NOT_FOUND', '机关不存在');
  if (before.closedOn === null) throw new AppError('INVALID_INPUT', `“${before.name}”未撤销，无需恢复`);
  const region = await getRegion(trx, before.regionId);
  if (region?.closedOn)
    throw new AppError('INVALID_INPUT', `所属行政区划“${region.name}”已撤销，请先恢复该行政区划`);
  const after = await saveAgencyClosure(trx, agencyId, null);
  await auditReopening(
    trx,
    { entity: 'agency', entityId: agencyId },
    {
      before: { closedOn: before.closedOn, mergedInto: before.mergedInto },
      after: { closedOn: null, mergedInto: null },
    },
    actor,
    now,
  );
  return after;
}

/** Reopens (恢复) a closed region; refused while the region above it is closed. Audited. */
export async function reopenRegion(trx: StoreTrx, regionId: string, actor: Actor, now: Moment) {
  const before = await getRegion(trx, regionId);
  if (!before) throw new AppError('NOT_FOUND', '行政区划不存在');
  if (before.closedOn === null) throw new AppError('INVALID_INPUT', `“${before.name}”未撤销，无需恢复`);
  const parent = before.parentId ? await getRegion(trx, before.parentId) : null;
  if (parent?.closedOn)
    throw new AppError('INVALID_INPUT', `上级行政区划“${parent.name}”已撤销，请先恢复上级行政区划`);
  const after = await saveRegionClosure(trx, regionId, null);
  await auditReopening(
    trx,
    { entity: 'region', entityId: regionId },
    { before: { closedOn: before.closedOn }, after: { closedOn: null } },
    actor,
    now,
  );
  return after;
}
