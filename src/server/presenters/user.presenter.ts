import type { User } from '../../core/organisation/user.ts';
import { isUserDisabled } from '../../store/users/users.repository.ts';
import type { AuthUser } from '../plugins/auth.ts';

/** A staff account as it leaves the server: never the password hash or the failure count. */
export function presentUser(user: AuthUser | User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agencyId: user.agencyId,
    regionId: user.regionId,
  };
}

/**
 * What an administrator sees of an account: also whether it is disabled and, when known (the user
 * list), until when logins to it from some address are held back after wrong passwords (per
 * account and address: the account itself is never locked). Never the failure count.
 */
export function presentManagedUser(user: User, loginHeldBackUntil: Date | null = null) {
  const disabled = isUserDisabled(user);
  return {
    ...presentUser(user),
    disabled,
    loginHeldBackUntil: disabled ? null : (loginHeldBackUntil?.toISOString() ?? null),
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
  };
}
