import { AppError } from '../../../core/errors.ts';
import type { Region } from '../../../core/organisation/region.ts';
import type { StoreDb } from '../../../store/dialect.ts';
import { getRegion } from '../../../store/organisation/organisation.repository.ts';
import { regionByCode } from '../../../store/reports/regional-agencies.ts';
import type { AuthUser } from '../../plugins/auth.ts';

/** Regions nest province → city → county; a longer chain means corrupted data. */
const MAX_REGION_DEPTH = 8;

async function within(db: StoreDb, regionId: string, ancestorId: string): Promise<boolean> {
  let current: string | null = regionId;
  for (let depth = 0; current !== null && depth < MAX_REGION_DEPTH; depth += 1) {
    if (current === ancestorId) return true;
    current = (await getRegion(db, current))?.parentId ?? null;
  }
  return false;
}

const DENIED = '无权查看该地区：主管部门只能查看本地区及下级地区，其他角色无权查看地区汇总';

/**
 * The supervising office's scope: a supervisor sees its region and the regions below it, an
 * admin every region; officers and reviewers see no region-wide data (403 before any lookup).
 */
export function assertRegionRole(user: AuthUser): void {
  if (user.role !== 'supervisor' && user.role !== 'admin') throw new AppError('FORBIDDEN', DENIED);
}

export async function authorizeRegionId(db: StoreDb, user: AuthUser, regionId: string): Promise<void> {
  assertRegionRole(user);
  if (
    user.role === 'supervisor' &&
    (user.regionId === null || !(await within(db, regionId, user.regionId)))
  ) {
    throw new AppError('FORBIDDEN', DENIED);
  }
}

/** The region with this code if the user may see it; 403 / 404 otherwise. */
export async function authorizeRegionCode(db: StoreDb, user: AuthUser, code: string): Promise<Region> {
  assertRegionRole(user);
  const region = await regionByCode(db, code);
  await authorizeRegionId(db, user, region.id);
  return region;
}
