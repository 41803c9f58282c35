import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { type ApiToken, createApiToken } from '../../store/users/api-tokens.repository.ts';

/** Issues an API token to a user (the token is returned this once), audited in the system chain. */
export async function issueApiToken(
  trx: StoreTrx,
  userId: string,
  name: string,
  actor: Actor,
  now: Date,
): Promise<{ token: string; apiToken: ApiToken }> {
  const created = await createApiToken(trx, userId, name, now);
  await appendAudit(trx, {
    agencyId: null,
    at: now,
    actor,
    entity: 'api-token',
    entityId: created.apiToken.id,
    action: 'create',
    before: null,
    after: { userId, name: created.apiToken.name },
  });
  return created;
}
