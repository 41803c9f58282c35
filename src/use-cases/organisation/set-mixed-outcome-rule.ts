import type { MixedOutcomeRule } from '../../core/applications/mixed-outcome.ts';
import type { Moment } from '../../core/moment.ts';
import type { Region } from '../../core/organisation/region.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { mixedOutcomeRuleChain, setMixedOutcomeRule } from '../../store/organisation/mixed-outcome-rules.ts';

/**
 * Sets a region's own §A.6 convention (null: inherit the region above), audited with the choice before
 * and after. Answers recorded before keep the row they were counted in.
 */
export async function setRegionMixedOutcomeRule(
  trx: StoreTrx,
  region: Region,
  rule: MixedOutcomeRule | null,
  actor: Actor,
  now: Moment,
): Promise<void> {
  const [own] = await mixedOutcomeRuleChain(trx, region.id);
  const before = own?.rule ?? null;
  if (before === rule) return;
  await setMixedOutcomeRule(trx, region.id, rule);
  await appendAudit(trx, {
    at: now.at,
    actor,
    // A region's setting belongs to no agency: the system chain.
    agencyId: null,
    entity: 'region',
    entityId: region.id,
    action: 'set-mixed-outcome-rule',
    before: { mixedOutcomeRule: before },
    after: { mixedOutcomeRule: rule },
  });
}
