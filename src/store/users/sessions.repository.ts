import type { Kysely } from 'kysely';
import type { User } from '../../core/organisation/user.ts';
import type { Database, SessionsTable, UsersTable } from '../database.ts';
import { columnsOf, preparedQuery } from '../prepared-query.ts';
import { randomToken, sha256Hex } from '../secrets.ts';
import { rowToUser } from './users.repository.ts';

/**
 * Login sessions live in the database, so that every instance of the server agrees on them. The
 * browser holds the token; the table holds only its SHA-256 (a leaked table logs nobody in).
 */
export interface Session {
  /** SHA-256 of the token: safe to show and log, useless to log in with. */
  id: string;
  userId: string;
  /** Sent back by the page with each state-changing request (double submit). */
  csrfToken: string;
  expiresAt: string;
  createdAt: string;
}

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

function rowToSession(row: SessionsTable): Session {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

/** Returns the token once: it is the cookie value and is not stored. */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  ttlMs = SESSION_TTL_MS,
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const row: SessionsTable = {
    id: sha256Hex(token),
    user_id: userId,
    csrf_token: randomToken(),
    expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    created_at: now.toISOString(),
  };
  await db.insertInto('sessions').values(row).execute();
  return { token, session: rowToSession(row) };
}

/** Every column of users, listed: the session query is prepared on the server (no `*`). */
const USER_COLUMNS = columnsOf<UsersTable>({
  id: true,
  username: true,
  display_name: true,
  password_hash: true,
  role: true,
  agency_id: true,
  region_id: true,
  failed_logins: true,
  created_at: true,
  disabled: true,
  must_change_password: true,
}).map((column) => `users.${column}` as const);

const selectLiveSession = preparedQuery<{ id: string; now: string }, UsersTable & LiveSessionColumns>(
  ['id', 'now'],
  (db, p) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(USER_COLUMNS)
      .select([
        'sessions.id as session_id',
        'sessions.csrf_token as session_csrf_token',
        'sessions.expires_at as session_expires_at',
        'sessions.created_at as session_created_at',
      ])
      .where('sessions.id', '=', p.id)
      .where('sessions.expires_at', '>', p.now),
  { onServer: true },
);

interface LiveSessionColumns {
  session_id: string;
  session_csrf_token: string;
  session_expires_at: string;
  session_created_at: string;
}

/** The live session of a token and its user; null when unknown or expired at `now`. One query: it runs on every request. */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ session: Session; user: User } | null> {
  const [row] = await selectLiveSession(db, { id: sha256Hex(token), now: now.toISOString() });
  if (!row) return null;
  const session: Session = {
    id: row.session_id,
    userId: row.id,
    csrfToken: row.session_csrf_token,
    expiresAt: row.session_expires_at,
    createdAt: row.session_created_at,
  };
  return { session, user: rowToUser(row) };
}

/** Logout. True when there was such a session. */
export async function deleteSession(db: Kysely<Database>, token: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Ends every session of a user (password change, account disabled). Returns how many. */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Housekeeping: removes sessions expired at `now`. Returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Moves the expiry of a live session (sliding expiry: activity keeps a session open). */
export async function renewSession(db: Kysely<Database>, sessionId: string, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ expires_at: expiresAt.toISOString() })
    .where('id', '=', sessionId)
    .execute();
}
