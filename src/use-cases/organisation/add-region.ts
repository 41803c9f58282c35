import type { Region } from '../../core/organisation/region.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { type CreateRegionInput, createRegion } from '../../store/organisation/organisation.repository.ts';

/** Adds a region (行政区划), audited in the system chain with the rest of organisation administration. */
export async function addRegion(
  trx: StoreTrx,
  input: CreateRegionInput,
  actor: Actor,
  now: Date,
): Promise<Region> {
  const created = await createRegion(trx, input);
  await appendAudit(trx, {
    agencyId: null,
    at: now,
    actor,
    entity: 'region',
    entityId: created.id,
    action: 'create',
    before: null,
    after: created,
  });
  return created;
}
