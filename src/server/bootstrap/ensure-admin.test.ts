import { expect, it } from 'vitest';
import { createTestAgency } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import { authenticate, createUser, findUserByUsername } from '../../store/users/users.repository.ts';
import { ensureAdministrator } from './ensure-admin.ts';

const NOW = new Date('2026-11-22T02:00:00.000Z');

describeEachDialect('ensureAdministrator', (t) => {
  it('creates admin with a generated one-time password on an empty database, once, audited', async () => {
    const first = await ensureAdministrator(t.db, undefined, NOW);
    expect(first).toMatchObject({ created: true, username: 'admin' });
    const password = first.created ? first.generatedPassword : null;
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(await authenticate(t.db, 'admin', password!)).toMatchObject({
      ok: true,
      user: { role: 'admin' },
    });
    const admin = await findUserByUsername(t.db, 'admin');
    expect(admin?.mustChangePassword).toBe(true);
    expect((await listAuditEntries(t.db, 'user', admin!.id)).map((e) => e.action)).toEqual(['create']);
    expect(await ensureAdministrator(t.db, undefined, NOW)).toEqual({ created: false });
  });
});

describeEachDialect('ensureAdministrator with GONGKAI_ADMIN_PASSWORD', (t) => {
  it('uses the configured password and prints none', async () => {
    const result = await ensureAdministrator(t.db, 'configured-admin-pass', NOW);
    expect(result).toEqual({ created: true, username: 'admin', generatedPassword: null });
    expect(await authenticate(t.db, 'admin', 'configured-admin-pass')).toMatchObject({
      ok: true,
      user: { mustChangePassword: false },
    });
  });
});

describeEachDialect('ensureAdministrator on a database with accounts', (t) => {
  it('creates nothing, even concurrently', async () => {
    const { agency } = await createTestAgency(t.db);
    await createUser(
      t.db,
      {
        username: 'someone',
        displayName: '某人',
        password: 'pass-word-1',
        role: 'officer',
        agencyId: agency.id,
      },
      NOW,
    );
    const results = await Promise.all([1, 2, 3].map(() => ensureAdministrator(t.db, undefined, NOW)));
    expect(results).toEqual([{ created: false }, { created: false }, { created: false }]);
    expect(await findUserByUsername(t.db, 'admin')).toBeNull();
  });
});
