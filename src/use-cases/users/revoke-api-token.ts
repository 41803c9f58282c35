import { AppError } from '../../core/errors.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { deleteApiToken } from '../../store/users/api-tokens.repository.ts';

/** Revokes one of the user's own API tokens, audited; NOT_FOUND when the user has no such token. */
export async function revokeApiToken(
  trx: StoreTrx,
  userId: string,
  tokenId: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  if (!(await deleteApiToken(trx, userId, tokenId))) {
    throw new AppError('NOT_FOUND', '没有这个 API 令牌');
  }
  await appendAudit(trx, {
    agencyId: null,
    at: now,
    actor,
    entity: 'api-token',
    entityId: tokenId,
    action: 'revoke',
    before: { userId },
    after: null,
  });
}
