import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Role } from '../../core/organisation/role.ts';
import type { User } from '../../core/organisation/user.ts';
import type { Database, UsersTable } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { decoyHash, hashPassword, passwordMatches } from './password.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId?: string | null;
  regionId?: string | null;
  /** The password was generated for the user (first administrator): force a change at first use. */
  mustChangePassword?: boolean;
}

/**
 * Five wrong passwords for one account from one client address within fifteen minutes hold that
 * address back for that account (the server's LoginBackoff): never the account itself, so that
 * nobody can lock its owner out by guessing from elsewhere.
 */
export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const;
export const MIN_PASSWORD_LENGTH = 8;

export type LoginResult =
  /** `failedLoginsBefore`: wrong passwords since the last login, for the owner to be told. */
  | { ok: true; user: User; failedLoginsBefore: number }
  | { ok: false; reason: 'invalid' }
  /** Only with the right password: a wrong one against a disabled account is 'invalid'. */
  | { ok: false; reason: 'disabled' };

export function rowToUser(row: UsersTable): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    regionId: row.region_id,
    failedLogins: row.failed_logins,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

function checkScope(input: CreateUserInput): { agencyId: string | null; regionId: string | null } {
  const agencyId = input.agencyId ?? null;
  const regionId = input.regionId ?? null;
  if ((input.role === 'officer' || input.role === 'reviewer') && agencyId === null) {
    throw new AppError('INVALID_INPUT', '经办人和审核人须属于一个机关（agencyId）');
  }
  if (input.role === 'supervisor' && regionId === null) {
    throw new AppError('INVALID_INPUT', '主管部门用户须指定所管辖的行政区划（regionId）');
  }
  return { agencyId, regionId };
}

/** Throws INVALID_INPUT (short password, missing agency/region for the role), CONFLICT (username taken). */
export async function createUser(db: Kysely<Database>, input: CreateUserInput, now: Date): Promise<User> {
  const username = input.username.trim();
  if (!/^\S{2,64}$/u.test(username)) throw new AppError('INVALID_INPUT', '用户名应为2至64个字符，不含空格');
  const displayName = input.displayName.trim();
  if (displayName === '') throw new AppError('INVALID_INPUT', '姓名不能为空');
  if ([...input.password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError('INVALID_INPUT', `密码至少${MIN_PASSWORD_LENGTH}个字符`);
  }
  const { agencyId, regionId } = checkScope(input);
  const row: UsersTable = {
    id: randomUUID(),
    username,
    display_name: displayName,
    password_hash: await hashPassword(input.password),
    role: input.role,
    agency_id: agencyId,
    region_id: regionId,
    failed_logins: 0,
    created_at: now.toISOString(),
    disabled: 0,
    must_change_password: input.mustChangePassword ? 1 : 0,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `用户名“${username}”已被使用`);
    throw error;
  }
  return rowToUser(row);
}

export async function getUser(db: Kysely<Database>, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToUser(row) : null;
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim())
    .executeTakeFirst();
  return row ? rowToUser(row) : null;
}

/**
 * The user when the password is right, else null. Takes as long for an unknown username as for a
 * wrong password. Does not look at the lockout: authenticate does.
 */
export async function verifyPassword(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<User | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim())
    .executeTakeFirst();
  if (!row) {
    await passwordMatches(password, await decoyHash());
    return null;
  }
  return (await passwordMatches(password, row.password_hash)) ? rowToUser(row) : null;
}

/**
 * Counts one failed login, atomically (one UPDATE, correct when several instances count at once):
 * the wrong passwords since the last successful login, shown to the owner at the next login and
 * to administrators. It never locks the account (see LOCKOUT).
 */
export async function recordFailedLogin(
  db: Kysely<Database>,
  userId: string,
): Promise<{ failedLogins: number }> {
  const row = await db
    .updateTable('users')
    .set({ failed_logins: sql<number>`failed_logins + 1` })
    .where('id', '=', userId)
    .returning(['failed_logins'])
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '用户不存在');
  return { failedLogins: row.failed_logins };
}

export async function resetFailedLogins(db: Kysely<Database>, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0 }).where('id', '=', userId).execute();
}

/**
 * A login attempt: checks the password (as long for an unknown username as for a known one),
 * says 'disabled' only to whoever gave the right password, counts a wrong password of an enabled
 * account and clears the count on success. Holding an address back is the server's job.
 */
export async function authenticate(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<LoginResult> {
  const user = await verifyPassword(db, username, password);
  if (user?.disabled) return { ok: false, reason: 'disabled' };
  if (user) {
    if (user.failedLogins > 0) await resetFailedLogins(db, user.id);
    return {
      ok: true,
      user: { ...user, failedLogins: 0 },
      failedLoginsBefore: user.failedLogins,
    };
  }
  const found = await findUserByUsername(db, username);
  if (found && !found.disabled) await recordFailedLogin(db, found.id);
  return { ok: false, reason: 'invalid' };
}

/**
 * An account an administrator disabled: authenticate refuses it whatever the password. Sessions
 * and API tokens of a disabled user are refused by the server, which looks the user up on each
 * request.
 */
export function isUserDisabled(user: Pick<User, 'disabled'>): boolean {
  return user.disabled;
}

/** Every account, by username (an administrator's list; a few hundred at most). */
export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(rowToUser);
}

export interface ChangeUserRoleInput {
  role: Role;
  agencyId?: string | null;
  regionId?: string | null;
}

/**
 * Gives a user another role and scope: an officer or reviewer keeps only an agency, a supervisor
 * only a region, an administrator neither. Throws NOT_FOUND, INVALID_INPUT (scope missing for the
 * role). The caller checks that the agency or region exists.
 */
export async function changeUserRole(
  db: Kysely<Database>,
  id: string,
  input: ChangeUserRoleInput,
): Promise<User> {
  const scope = checkScope({ username: '', displayName: '', password: '', ...input });
  const agencyId = input.role === 'officer' || input.role === 'reviewer' ? scope.agencyId : null;
  const regionId = input.role === 'supervisor' ? scope.regionId : null;
  const row = await db
    .updateTable('users')
    .set({ role: input.role, agency_id: agencyId, region_id: regionId })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '用户不存在');
  return rowToUser(row);
}

/** Disables (no login, sessions and tokens refused) or re-enables an account. Throws NOT_FOUND. */
export async function setUserDisabled(db: Kysely<Database>, id: string, disabled: boolean): Promise<User> {
  const row = await db
    .updateTable('users')
    .set({ failed_logins: 0, disabled: disabled ? 1 : 0 })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '用户不存在');
  return rowToUser(row);
}

/**
 * Replaces a user's password, which also lifts must_change_password. With `temporary` (an
 * administrator's reset), the password is one-time: must_change_password is set instead, and the
 * count of failed logins starts again. Throws INVALID_INPUT (too short), NOT_FOUND.
 */
export async function setUserPassword(
  db: Kysely<Database>,
  id: string,
  password: string,
  options: { temporary?: boolean } = {},
): Promise<void> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError('INVALID_INPUT', `密码至少${MIN_PASSWORD_LENGTH}个字符`);
  }
  const result = await db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password),
      must_change_password: options.temporary ? 1 : 0,
      ...(options.temporary ? { failed_logins: 0 } : {}),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', '用户不存在');
}
