import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { User } from '../../core/organisation/user.ts';
import type { ApiTokensTable, Database } from '../database.ts';
import { randomToken, sha256Hex } from '../secrets.ts';
import { getUser } from './users.repository.ts';

/** A token for scripts calling the API as a user. Only its SHA-256 is stored. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Recognisable in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'gk_';

function rowToApiToken(row: ApiTokensTable): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Returns the token once; afterwards only its name and dates can be listed. */
export async function createApiToken(
  db: Kysely<Database>,
  userId: string,
  name: string,
  now: Date,
): Promise<{ token: string; apiToken: ApiToken }> {
  const label = name.trim();
  if (label === '' || label.length > 100) throw new AppError('INVALID_INPUT', '令牌名称应为1至100个字符');
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const row: ApiTokensTable = {
    id: randomUUID(),
    user_id: userId,
    token_hash: sha256Hex(token),
    name: label,
    created_at: now.toISOString(),
    last_used_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { token, apiToken: rowToApiToken(row) };
}

/**
 * The token's record and user, or null for an unknown token. With `now`, records it as the
 * token's last use.
 */
export async function findApiToken(
  db: Kysely<Database>,
  token: string,
  now?: Date,
): Promise<{ apiToken: ApiToken; user: User } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const hash = sha256Hex(token);
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!row) return null;
  const user = await getUser(db, row.user_id);
  if (!user) return null;
  if (now) {
    row.last_used_at = now.toISOString();
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: row.last_used_at })
      .where('id', '=', row.id)
      .execute();
  }
  return { apiToken: rowToApiToken(row), user };
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map(rowToApiToken);
}

/** Revokes one of the user's tokens. False when the user has no such token. */
export async function deleteApiToken(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('api_tokens')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Revokes every token of the user (password changed, account disabled): a re-enabled account or a
 * new password never brings an old token back. Returns how many were revoked.
 */
export async function deleteApiTokensOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('api_tokens').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
