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

/** What an administrator sees of an account: also whether it is disabled or locked out. */
export function presentManagedUser(user: User) {
  const disabled = isUserDisabled(user);
  return {
    ...presentUser(user),
    disabled,
    /** A lockout after wrong passwords (not a disablement); null when none was recorded. */
    lockedUntil: disabled ? null : user.lockedUntil,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
  };
}
