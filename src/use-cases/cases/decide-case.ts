import type { CaseResult } from '../../core/cases/case.ts';
import { checkDecision } from '../../core/cases/check-case.ts';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import {
  CASE_CONFLICT_MESSAGE,
  getCase,
  type StoredCase,
  updateCaseDecision,
} from '../../store/cases/cases.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { nextVersion } from '../next-version.ts';

/**
 * Records the decision of an open case (结果维持 / 结果纠正 / 其他结果). Audited. Throws NOT_FOUND,
 * CONFLICT (stale version, already decided), INVALID_INPUT / INVALID_DATE.
 */
export async function decideCase(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  decision: { result: CaseResult; decidedOn: IsoDate },
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<StoredCase> {
  const before = await getCase(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '案件不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', CASE_CONFLICT_MESSAGE);
  const valid = checkDecision(before, decision.result, decision.decidedOn, now.today);
  const at = now.at.toISOString();
  const saved = await updateCaseDecision(trx, agencyId, id, expectedVersion, valid, at);
  if (!saved) throw new AppError('CONFLICT', CASE_CONFLICT_MESSAGE);
  const after = nextVersion(before, valid, expectedVersion, at);
  await appendAudit(trx, {
    agencyId: agencyId,
    at: now.at,
    actor,
    entity: 'case',
    entityId: id,
    action: 'decide',
    before,
    after,
  });
  return after;
}
