import type { DisclosureActor, DisclosureContent } from '../../core/disclosures/disclosure.ts';
import { draftDisclosure } from '../../core/disclosures/disclosure-lifecycle.ts';
import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { agencyExists } from '../../store/agency-row.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { insertDisclosure, type StoredDisclosure } from '../../store/disclosures/disclosures.repository.ts';

/** Registers a new item in draft (拟稿) by an officer. Audited. Throws FORBIDDEN, INVALID_INPUT, NOT_FOUND. */
export async function draftDisclosureItem(
  trx: StoreTrx,
  agencyId: string,
  content: DisclosureContent,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const item = draftDisclosure(content, actor, now.today);
  if (!(await agencyExists(trx, agencyId))) throw new AppError('NOT_FOUND', '机关不存在');
  const stored = await insertDisclosure(trx, agencyId, item, now.today, now.at.toISOString());
  await appendAudit(trx, {
    agencyId: agencyId,
    at: now.at,
    actor: { userId: actor.userId, label: actor.label },
    entity: 'disclosure',
    entityId: stored.id,
    action: 'draft',
    before: null,
    after: stored,
  });
  return stored;
}
