import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';

/** What happened to a user account, and the account (never its password) before and after. */
export interface UserChange {
  userId: string;
  /** 'create', 'update', 'password-reset', 'login', 'login-failed', 'logout', 'password-change'… */
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Audits something done to or by a user account, in the system chain (a user belongs to no agency's). */
export async function auditUser(trx: StoreTrx, actor: Actor, at: Date, change: UserChange): Promise<void> {
  const { userId, action, before = null, after = null } = change;
  await appendAudit(trx, {
    agencyId: null,
    at,
    actor,
    entity: 'user',
    entityId: userId,
    action,
    before,
    after,
  });
}
