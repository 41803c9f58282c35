import { AppError } from '../../core/errors.ts';
import { getApplicant } from '../../store/applications/applications.repository.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';

/**
 * The applicant's personal data of an application, for someone allowed to see it. Each read is
 * audited (who, which application, when; never the data itself) in the same transaction, so no
 * data leaves without its audit entry. NOT_FOUND when there is no such application.
 */
export async function readApplicant(
  trx: StoreTrx,
  agencyId: string,
  applicationId: string,
  actor: Actor,
  now: Date,
) {
  const found = await getApplicant(trx, agencyId, applicationId);
  if (!found) throw new AppError('NOT_FOUND', '申请不存在');
  await appendAudit(trx, {
    agencyId,
    at: now,
    actor,
    entity: 'application',
    entityId: applicationId,
    action: 'applicant.read',
    before: null,
    after: null,
  });
  return found;
}
