import type { Role } from './role.ts';

/** A staff account as the rest of the system sees it: never the password hash. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The agency an officer or reviewer works for; null for supervisors and admins. */
  agencyId: string | null;
  /** The region a supervisor oversees; null otherwise. */
  regionId: string | null;
  /** Wrong passwords since the last successful login (told to the owner then). */
  failedLogins: number;
  /** Disabled by an administrator: no login; the server refuses its sessions and API tokens. */
  disabled: boolean;
  /** May only change its password, read its session and log out until the password is changed. */
  mustChangePassword: boolean;
  createdAt: string;
}
