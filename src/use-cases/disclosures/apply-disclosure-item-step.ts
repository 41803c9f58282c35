import type { DisclosureActor, DisclosureStepInput } from '../../core/disclosures/disclosure.ts';
import { applyDisclosureStep } from '../../core/disclosures/disclosure-lifecycle.ts';
import type { Moment } from '../../core/moment.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { StoredDisclosure } from '../../store/disclosures/disclosures.repository.ts';
import { loadDisclosure, saveDisclosure } from './save-disclosure.ts';

/**
 * One step of the review chain, decided by the core's applyDisclosureStep. Audited as
 * `step:<type>`. Throws NOT_FOUND, CONFLICT (stale version, step not allowed now), FORBIDDEN
 * (wrong role, leader = section head), INVALID_INPUT.
 */
export async function applyDisclosureItemStep(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  step: DisclosureStepInput,
  expectedVersion: number,
  actor: DisclosureActor,
  now: Moment,
): Promise<StoredDisclosure> {
  const before = await loadDisclosure(trx, agencyId, id, expectedVersion);
  const next = applyDisclosureStep(before, step, actor, now.at.toISOString(), now.today);
  return saveDisclosure(trx, before, next, `step:${step.type}`, actor, now);
}
