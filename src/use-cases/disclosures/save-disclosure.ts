import type { Disclosure, DisclosureActor } from '../../core/disclosures/disclosure.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import {
  DISCLOSURE_CONFLICT_MESSAGE,
  getDisclosure,
  type StoredDisclosure,
  updateDisclosure,
} from '../../store/disclosures/disclosures.repository.ts';

/** The agency's item at `expectedVersion`. Throws NOT_FOUND, CONFLICT (stale version). */
export async function loadDisclosure(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  expectedVersion: number,
): Promise<StoredDisclosure> {
  const before = await getDisclosure(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '主动公开信息不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', DISCLOSURE_CONFLICT_MESSAGE);
  return before;
}

/** Saves `next` over `before` if nobody saved since; audits `action`. Throws CONFLICT. */
export async function saveDisclosure(
  trx: StoreTrx,
  before: StoredDisclosure,
  next: Disclosure,
  action: string,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const after = await updateDisclosure(trx, before, next, now.today, now.at.toISOString());
  if (after === null) throw new AppError('CONFLICT', DISCLOSURE_CONFLICT_MESSAGE);
  await appendAudit(trx, {
    agencyId: before.agencyId,
    at: now.at,
    actor: { userId: actor.userId, label: actor.label },
    entity: 'disclosure',
    entityId: before.id,
    action,
    before,
    after,
  });
  return after;
}
