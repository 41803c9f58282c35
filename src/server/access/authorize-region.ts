import { type ActionOn, decide } from '../../core/access/access-policy.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { regionByCode } from '../../store/region/regional-agencies.ts';
import type { AuthUser } from '../plugins/auth.ts';
import { authorize, refuseEarly } from './authorize.ts';
import { regionChain } from './region-chain.ts';

type RegionAction = ActionOn<'region'>;

/**
 * The supervising office's role, before anything is looked up: supervisors and admins pass,
 * officers and reviewers get 403 (e.g. before reading an upload, or before saying 404).
 */
export function authorizeRegionOffice(user: AuthUser, action: RegionAction): void {
  refuseEarly(user, 'region', action);
}

/** 403 unless the user may see region-wide data of region `id` (a supervisor: its region or below). */
export async function authorizeRegionId(db: StoreDb, user: AuthUser, id: string, action: RegionAction) {
  refuseEarly(user, 'region', action);
  if (decide(user, 'region', action) === 'allowed') return;
  authorize(user, 'region', action, { regionChain: await regionChain(db, id) });
}

/** The region with this code if the user may see it; 403 (before the lookup for other roles) / 404. */
export async function authorizeRegionCode(db: StoreDb, user: AuthUser, code: string, action: RegionAction) {
  refuseEarly(user, 'region', action);
  const region = await regionByCode(db, code);
  await authorizeRegionId(db, user, region.id, action);
  return region;
}
