import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  countOpenApplications,
  saveAgencyClosure,
} from '../../store/organisation/agency-history.repository.ts';
import { getAgency } from '../../store/organisation/organisation.repository.ts';
import { auditClosure } from './audit-organisation-change.ts';
import { loadOpenAgency } from './load-organisation.ts';

/**
 * Closes (撤销) an agency from `closedOn`. Its records stay readable and it stays in the statistics
 * of the years before; it leaves the lists and takes no new application. Refused (INVALID_INPUT)
 * while it has applications not concluded: they must be answered (or handed over) first, since
 * the law's deadlines run against the agency. `mergedInto` names the agency it is merged into (合并,
 * its successor: an agency that exists, not itself), whose history then shows its reports.
 * Audited. Throws NOT_FOUND too.
 */
export async function closeAgency(
  trx: StoreTrx,
  agencyId: string,
  closedOn: string,
  actor: Actor,
  now: Moment,
  mergedInto: string | null = null,
) {
  const before = await loadOpenAgency(trx, agencyId, '再次撤销');
  if (closedOn > now.today)
    throw new AppError('INVALID_INPUT', '撤销日期不能晚于今天', { field: 'closedOn' });
  if (mergedInto !== null) {
    const successor = await getAgency(trx, mergedInto);
    if (!successor) throw new AppError('INVALID_INPUT', '合并至的机关不存在', { field: 'mergedInto' });
    if (successor.id === agencyId)
      throw new AppError('INVALID_INPUT', '机关不能合并至自身', { field: 'mergedInto' });
    if (successor.closedOn !== null)
      throw new AppError('INVALID_INPUT', `“${successor.name}”已撤销，不能作为合并后的机关`, {
        field: 'mergedInto',
      });
  }
  const open = await countOpenApplications(trx, agencyId);
  if (open > 0)
    throw new AppError(
      'INVALID_INPUT',
      `“${before.name}”还有 ${open} 件未办结的政府信息公开申请，办结后才能撤销`,
    );
  const after = await saveAgencyClosure(trx, agencyId, closedOn, mergedInto);
  await auditClosure(trx, { entity: 'agency', entityId: agencyId }, closedOn, actor, now, mergedInto);
  return after;
}
