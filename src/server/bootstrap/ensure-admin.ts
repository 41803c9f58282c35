import { isAppError } from '../../core/errors.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { createUser, listUsers } from '../../store/users/users.repository.ts';
import { auditUser } from '../../use-cases/users/audit-user.ts';
import { presentManagedUser } from '../presenters/user.presenter.ts';
import { generateOneTimePassword } from './one-time-password.ts';

export const ADMIN_USERNAME = 'admin';

export type AdminBootstrap =
  | { created: false }
  /** generatedPassword: the one-time password to print once; null when GONGKAI_ADMIN_PASSWORD was used. */
  | { created: true; username: string; generatedPassword: string | null };

/**
 * First start on an empty database: creates the administrator `admin` with `password` (from
 * GONGKAI_ADMIN_PASSWORD) or a generated one, audited. Does nothing when any account exists.
 * Safe when several instances start together: the check and the insert share a transaction, and
 * a username taken meanwhile means another instance did it.
 *
 * A generated password is marked must_change_password: until the administrator changes it, the
 * account can only read its session, change the password and log out.
 */
export async function ensureAdministrator(
  db: StoreDb,
  password: string | undefined,
  now: Date,
): Promise<AdminBootstrap> {
  const chosen = password ?? generateOneTimePassword();
  try {
    return await db.transaction().execute(async (trx) => {
      if ((await listUsers(trx)).length > 0) return { created: false } as const;
      const admin = await createUser(
        trx,
        {
          username: ADMIN_USERNAME,
          displayName: '系统管理员',
          password: chosen,
          role: 'admin',
          mustChangePassword: password === undefined,
        },
        now,
      );
      await auditUser(trx, { userId: null, label: '系统（首次启动）' }, now, {
        userId: admin.id,
        action: 'create',
        after: presentManagedUser(admin),
      });
      return {
        created: true,
        username: admin.username,
        generatedPassword: password ? null : chosen,
      } as const;
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') return { created: false };
    throw error;
  }
}
