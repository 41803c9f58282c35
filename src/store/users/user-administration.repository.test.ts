import { expect, it } from 'vitest';
import { createTestAgency } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { createSession, findSession, renewSession } from './sessions.repository.ts';
import {
  authenticate,
  changeUserRole,
  createUser,
  findUserByUsername,
  isUserDisabled,
  LOCKOUT,
  listUsers,
  setUserDisabled,
  setUserPassword,
} from './users.repository.ts';

const T0 = new Date('2026-06-30T02:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeEachDialect('user administration', (t) => {
  const newOfficer = async (username: string) => {
    const { region, agency } = await createTestAgency(t.db);
    const user = await createUser(
      t.db,
      { username, displayName: '王经办', password: 'pass-word-1', role: 'officer', agencyId: agency.id },
      T0,
    );
    return { user, region, agency };
  };

  it('lists every user by username without password hashes', async () => {
    await newOfficer('zz.last');
    await newOfficer('aa.first');
    const users = await listUsers(t.db);
    const names = users.map((u) => u.username);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['aa.first', 'zz.last']));
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('changes a role and keeps only the scope that role has', async () => {
    const { user, region, agency } = await newOfficer('role.change');
    const supervisor = await changeUserRole(t.db, user.id, {
      role: 'supervisor',
      agencyId: agency.id,
      regionId: region.id,
    });
    expect(supervisor).toMatchObject({ role: 'supervisor', agencyId: null, regionId: region.id });
    const admin = await changeUserRole(t.db, user.id, { role: 'admin' });
    expect(admin).toMatchObject({ role: 'admin', agencyId: null, regionId: null });
    await expect(changeUserRole(t.db, user.id, { role: 'reviewer' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(changeUserRole(t.db, 'nobody', { role: 'admin' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('disables an account so that even the right password is refused, and enables it again', async () => {
    const { user } = await newOfficer('dis.abled');
    const disabled = await setUserDisabled(t.db, user.id, true);
    expect(isUserDisabled(disabled)).toBe(true);
    expect(disabled).toMatchObject({ disabled: true, failedLogins: 0 });
    expect(await authenticate(t.db, 'dis.abled', 'pass-word-1')).toEqual({
      ok: false,
      reason: 'disabled',
    });
    // Only the right password learns that the account is disabled; wrong ones are not counted.
    expect(await authenticate(t.db, 'dis.abled', 'x')).toEqual({ ok: false, reason: 'invalid' });
    for (let i = 0; i < LOCKOUT.maxFailures + 1; i += 1) await authenticate(t.db, 'dis.abled', 'x');
    expect(await authenticate(t.db, 'dis.abled', 'pass-word-1')).toMatchObject({
      reason: 'disabled',
    });
    expect(await findUserByUsername(t.db, 'dis.abled')).toMatchObject({ failedLogins: 0 });
    const enabled = await setUserDisabled(t.db, user.id, false);
    expect(isUserDisabled(enabled)).toBe(false);
    expect(await authenticate(t.db, 'dis.abled', 'pass-word-1')).toMatchObject({ ok: true });
    await expect(setUserDisabled(t.db, 'nobody', true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('replaces a password, refusing a short one', async () => {
    const { user } = await newOfficer('new.pass');
    await expect(setUserPassword(t.db, user.id, 'short')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await setUserPassword(t.db, user.id, 'another-pass-2');
    expect(await authenticate(t.db, 'new.pass', 'pass-word-1')).toMatchObject({ ok: false });
    expect(await authenticate(t.db, 'new.pass', 'another-pass-2')).toMatchObject({ ok: true });
    await expect(setUserPassword(t.db, 'nobody', 'long-enough-1')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('renews a session so that it outlives its first expiry', async () => {
    const { user } = await newOfficer('renew.me');
    const { token, session } = await createSession(t.db, user.id, T0, 60 * 60_000);
    await renewSession(t.db, session.id, later(120));
    expect(await findSession(t.db, token, later(90))).toMatchObject({
      session: { expiresAt: later(120).toISOString() },
    });
    expect(await findSession(t.db, token, later(120))).toBeNull();
  });
});
