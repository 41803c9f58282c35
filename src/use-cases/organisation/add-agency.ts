import type { Agency } from '../../core/organisation/agency.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { type CreateAgencyInput, createAgency } from '../../store/organisation/organisation.repository.ts';

/**
 * Adds an agency (机关), audited in the system chain (organisation administration; its own chain
 * starts with its first application).
 */
export async function addAgency(
  trx: StoreTrx,
  input: CreateAgencyInput,
  actor: Actor,
  now: Date,
): Promise<Agency> {
  const created = await createAgency(trx, input);
  await appendAudit(trx, {
    agencyId: null,
    at: now,
    actor,
    entity: 'agency',
    entityId: created.id,
    action: 'create',
    before: null,
    after: { ...created, formerNames: [] },
  });
  return created;
}
