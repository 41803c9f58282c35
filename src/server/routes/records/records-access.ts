import { AppError, isAppError } from '../../../core/errors.ts';
import type { Agency } from '../../../core/organisation/agency.ts';
import type { StoreDb } from '../../../store/dialect.ts';
import { authorizeAgency } from '../../plugins/agency-access.ts';
import type { AuthUser } from '../../plugins/auth.ts';

/**
 * The applications' scopes (plugins/agency-access.ts) for an agency's other records: officers and
 * reviewers read and write their own agency's; supervisors read those of their region subtree;
 * admins read all. Only the refusal's wording changes: it names `what` (e.g. "主动公开信息").
 */
export async function authorizeRecords(
  db: StoreDb,
  user: AuthUser,
  agencyId: string,
  access: 'read' | 'handle',
  what: string,
): Promise<Agency> {
  try {
    return await authorizeAgency(db, user, agencyId, access);
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') {
      throw new AppError(
        'FORBIDDEN',
        access === 'read'
          ? `无权查看该机关的${what}`
          : `无权录入或办理该机关的${what}：只有本机关的经办人和审核人可以办理`,
      );
    }
    throw error;
  }
}
