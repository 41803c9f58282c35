import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import type { UsersTable } from '../database.ts';
import * as userFlags from './2026-11-22-011-user-flags.ts';
import { MIGRATIONS } from './migrate.ts';

const OLD_DISABLED_UNTIL = '9999-12-31T23:59:59.999Z';

describeEachDialect(
  'migration 011 user-flags',
  (t) => {
    // A row of the schema before migration 011 (no flag columns yet).
    const user = (id: string, lockedUntil: string | null) =>
      ({
        id,
        username: id,
        display_name: id,
        password_hash: 'x',
        role: 'admin',
        failed_logins: 0,
        locked_until: lockedUntil,
        created_at: '2026-11-22T00:00:00.000Z',
      }) as unknown as UsersTable;

    it('moves accounts disabled through locked_until to the disabled flag, and back on down', async () => {
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        if (name >= '2026-11-22-011') break;
        await migration.up(t.db);
      }
      await t.db
        .insertInto('users')
        .values([
          user('off', OLD_DISABLED_UNTIL),
          user('locked', '2026-11-22T01:00:00.000Z'),
          user('on', null),
        ])
        .execute();
      await userFlags.up(t.db);
      const rows = await t.db
        .selectFrom('users')
        .select(['id', 'disabled', 'locked_until', 'must_change_password'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'locked', disabled: 0, locked_until: '2026-11-22T01:00:00.000Z', must_change_password: 0 },
        { id: 'off', disabled: 1, locked_until: null, must_change_password: 0 },
        { id: 'on', disabled: 0, locked_until: null, must_change_password: 0 },
      ]);
      await userFlags.down(t.db);
      const back = await t.db.selectFrom('users').selectAll().orderBy('id').execute();
      expect(back.map((r) => [r.id, r.locked_until])).toEqual([
        ['locked', '2026-11-22T01:00:00.000Z'],
        ['off', OLD_DISABLED_UNTIL],
        ['on', null],
      ]);
      expect(Object.keys(back[0]!)).not.toContain('disabled');
    });
  },
  { migrate: false },
);
