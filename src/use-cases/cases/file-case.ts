import { type CaseInput, checkCase } from '../../core/cases/check-case.ts';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { agencyExists } from '../../store/agency-row.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import {
  findApplicationReceivedOn,
  insertCase,
  type StoredCase,
} from '../../store/cases/cases.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';

export interface FileCaseInput extends CaseInput {
  /** The application the case concerns; it must be the same agency's. */
  applicationId?: string | null;
}

/**
 * Records a new, open case. Audited. Throws INVALID_INPUT / INVALID_DATE, NOT_FOUND (agency, or
 * an application that is not the agency's).
 */
export async function fileCase(
  trx: StoreTrx,
  agencyId: string,
  input: FileCaseInput,
  actor: Actor,
  now: Moment,
): Promise<StoredCase> {
  if (!(await agencyExists(trx, agencyId))) throw new AppError('NOT_FOUND', '机关不存在');
  const applicationId = input.applicationId ?? null;
  let receivedOn: IsoDate | null = null;
  if (applicationId !== null) {
    receivedOn = await findApplicationReceivedOn(trx, agencyId, applicationId);
    if (receivedOn === null) throw new AppError('NOT_FOUND', '所涉申请不存在（或不属于本机关）');
  }
  const valid = checkCase(input, now.today, receivedOn);
  const stored = await insertCase(trx, {
    agencyId,
    applicationId,
    kind: valid.kind,
    caseNumber: valid.caseNumber,
    filedOn: valid.filedOn,
    at: now.at.toISOString(),
  });
  await appendAudit(trx, {
    agencyId: agencyId,
    at: now.at,
    actor,
    entity: 'case',
    entityId: stored.id,
    action: 'file',
    before: null,
    after: stored,
  });
  return stored;
}
