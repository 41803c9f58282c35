import type { DisclosureActor, DisclosureContent } from '../../core/disclosures/disclosure.ts';
import { editDisclosure } from '../../core/disclosures/disclosure-lifecycle.ts';
import type { Moment } from '../../core/moment.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { StoredDisclosure } from '../../store/disclosures/disclosures.repository.ts';
import { loadDisclosure, saveDisclosure } from './save-disclosure.ts';

/** Changes a draft's content (officer; not once submitted or published). Audited. */
export async function editDisclosureItem(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  content: DisclosureContent,
  expectedVersion: number,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const before = await loadDisclosure(trx, agencyId, id, expectedVersion);
  return saveDisclosure(trx, before, editDisclosure(before, content, actor, now.today), 'edit', actor, now);
}
