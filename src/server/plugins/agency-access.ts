import { AppError } from '../../core/errors.ts';
import type { Agency } from '../../core/organisation/agency.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { getAgency, getRegion } from '../../store/organisation/organisation.repository.ts';
import type { AuthUser } from './auth.ts';

/**
 * What a user may do with an agency's applications:
 * - read:          the list, a case with its deadlines and audit trail, the deadline summary;
 * - handle:        register applications and record procedural steps;
 * - personal-data: see the applicant's name, ID number, phone, address and e-mail.
 *
 * | role                 | read                     | handle       | personal-data |
 * |----------------------|--------------------------|--------------|---------------|
 * | officer, reviewer    | own agency               | own agency   | own agency    |
 * | supervisor (主管部门) | agencies of its region and the regions below it | — | — |
 * | admin                | every agency             | —            | —             |
 */
export type AgencyAccess = 'read' | 'handle' | 'personal-data';

const DENIED: Record<AgencyAccess, string> = {
  read: '无权查看该机关的政府信息公开申请',
  handle: '无权办理该机关的政府信息公开申请：只有本机关的经办人和审核人可以办理',
  'personal-data': '无权查看申请人个人信息：只有办理该申请的机关的经办人和审核人可以查看',
};

/** Regions nest province → city → county; a longer chain means corrupted data. */
const MAX_REGION_DEPTH = 8;

/** True when `regionId` is `ancestorId` or lies below it. */
async function regionWithin(db: StoreDb, regionId: string, ancestorId: string): Promise<boolean> {
  let current: string | null = regionId;
  for (let depth = 0; current !== null && depth < MAX_REGION_DEPTH; depth += 1) {
    if (current === ancestorId) return true;
    current = (await getRegion(db, current))?.parentId ?? null;
  }
  return false;
}

/**
 * The agency if `user` may have `access` to it. 403 FORBIDDEN otherwise — decided before looking
 * the agency up for officers and reviewers, so that they cannot probe which agencies exist; 404
 * NOT_FOUND for an unknown agency otherwise.
 */
export async function authorizeAgency(
  db: StoreDb,
  user: AuthUser,
  agencyId: string,
  access: AgencyAccess,
): Promise<Agency> {
  const denied = () => new AppError('FORBIDDEN', DENIED[access]);
  if (user.role === 'officer' || user.role === 'reviewer') {
    if (user.agencyId !== agencyId) throw denied();
  } else if (access !== 'read') {
    throw denied();
  }
  const agency = await getAgency(db, agencyId);
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  if (user.role === 'supervisor') {
    if (user.regionId === null || !(await regionWithin(db, agency.regionId, user.regionId))) throw denied();
  }
  return agency;
}

/**
 * The same check as authorizeAgency when the agency itself is not needed: for officers and
 * reviewers of the agency it is decided without a query (their account's agency exists: a
 * foreign key), which matters on routes called many times a second such as registration.
 */
export async function checkAgencyAccess(
  db: StoreDb,
  user: AuthUser,
  agencyId: string,
  access: AgencyAccess,
): Promise<void> {
  if ((user.role === 'officer' || user.role === 'reviewer') && user.agencyId === agencyId) return;
  await authorizeAgency(db, user, agencyId, access);
}
