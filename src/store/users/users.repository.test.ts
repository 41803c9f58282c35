import { expect, it } from 'vitest';
import { createTestAgency } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { createApiToken, deleteApiToken, findApiToken, listApiTokens } from './api-tokens.repository.ts';
import { hashPassword, passwordMatches } from './password.ts';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSession,
} from './sessions.repository.ts';
import {
  authenticate,
  createUser,
  findUserByUsername,
  LOCKOUT,
  recordFailedLogin,
  verifyPassword,
} from './users.repository.ts';

const T0 = new Date('2026-06-30T02:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

it('hashes passwords with a salt and checks them', async () => {
  const a = await hashPassword('correct horse');
  const b = await hashPassword('correct horse');
  expect(a).not.toBe(b);
  expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(await passwordMatches('correct horse', a)).toBe(true);
  expect(await passwordMatches('wrong horse', a)).toBe(false);
  expect(await passwordMatches('x', 'garbage')).toBe(false);
});

describeEachDialect('users, sessions and API tokens', (t) => {
  const newOfficer = async (username: string) => {
    const { agency } = await createTestAgency(t.db);
    return createUser(
      t.db,
      { username, displayName: '李经办', password: 'pass-word-1', role: 'officer', agencyId: agency.id },
      T0,
    );
  };

  it('creates a user without exposing the hash, and refuses a taken username or a missing agency', async () => {
    const user = await newOfficer('li.officer');
    expect(user).toMatchObject({
      username: 'li.officer',
      role: 'officer',
      failedLogins: 0,
    });
    expect(Object.keys(user)).not.toContain('passwordHash');
    expect(await findUserByUsername(t.db, 'li.officer')).toEqual(user);
    await expect(newOfficer('li.officer')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createUser(t.db, { username: 'x1', displayName: 'x', password: 'pass-word-1', role: 'officer' }, T0),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      createUser(t.db, { username: 'x2', displayName: 'x', password: 'short', role: 'admin' }, T0),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await verifyPassword(t.db, 'li.officer', 'pass-word-1')).toEqual(user);
    expect(await verifyPassword(t.db, 'li.officer', 'nope-nope')).toBeNull();
    expect(await verifyPassword(t.db, 'nobody', 'pass-word-1')).toBeNull();
  });

  it('counts wrong passwords without ever locking the account, and tells the count at the next login', async () => {
    const user = await newOfficer('lock.me');
    for (let i = 1; i <= LOCKOUT.maxFailures + 2; i += 1) {
      expect(await authenticate(t.db, 'lock.me', 'wrong-pass')).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await findUserByUsername(t.db, 'lock.me')).toMatchObject({
      failedLogins: LOCKOUT.maxFailures + 2,
    });
    // The right password still gets in (holding an address back is the server's job).
    const after = await authenticate(t.db, 'lock.me', 'pass-word-1');
    expect(after).toMatchObject({
      ok: true,
      user: { id: user.id, failedLogins: 0 },
      failedLoginsBefore: LOCKOUT.maxFailures + 2,
    });
    expect(await findUserByUsername(t.db, 'lock.me')).toMatchObject({ failedLogins: 0 });
    expect(await authenticate(t.db, 'nobody-here', 'wrong-pass')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('counts concurrent failures exactly (one UPDATE each)', async () => {
    const user = await newOfficer('many.fail');
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => recordFailedLogin(t.db, user.id)));
    expect(await findUserByUsername(t.db, 'many.fail')).toMatchObject({ failedLogins: 6 });
  });

  it('keeps sessions by token hash, finds them until they expire, and deletes them', async () => {
    const user = await newOfficer('sess.user');
    const { token, session } = await createSession(t.db, user.id, T0, 60 * 60_000);
    expect(session.id).not.toBe(token);
    expect(await t.db.selectFrom('sessions').select('id').where('id', '=', token).execute()).toEqual([]);
    expect(await findSession(t.db, token, later(59))).toMatchObject({ session, user: { id: user.id } });
    expect(await findSession(t.db, token, later(60))).toBeNull();
    expect(await findSession(t.db, 'not-a-token', T0)).toBeNull();
    expect(await deleteExpiredSessions(t.db, later(61))).toBeGreaterThanOrEqual(1);
    const again = await createSession(t.db, user.id, T0);
    await createSession(t.db, user.id, T0);
    expect(await deleteSession(t.db, again.token)).toBe(true);
    expect(await deleteSession(t.db, again.token)).toBe(false);
    expect(await deleteSessionsOfUser(t.db, user.id)).toBe(1);
  });

  it('shows an API token once, stores only its hash, and records its last use', async () => {
    const user = await newOfficer('token.user');
    const { token, apiToken } = await createApiToken(t.db, user.id, '年报导入脚本', T0);
    expect(token).toMatch(/^gk_[\w-]{43}$/);
    const stored = await t.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(await findApiToken(t.db, token, later(1))).toMatchObject({
      apiToken: { id: apiToken.id, lastUsedAt: later(1).toISOString() },
      user: { id: user.id },
    });
    expect(await findApiToken(t.db, `${token}x`)).toBeNull();
    expect(await listApiTokens(t.db, user.id)).toHaveLength(1);
    expect(await deleteApiToken(t.db, user.id, apiToken.id)).toBe(true);
    expect(await findApiToken(t.db, token)).toBeNull();
  });
});
