import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import * as userFlags from './2026-11-22-011-user-flags.ts';
import { MIGRATIONS } from './migrate.ts';

const OLD_DISABLED_UNTIL = '9999-12-31T23:59:59.999Z';

describeEachDialect(
  'migration 011 user-flags',
  (t) => {
    // A row of the schema before migration 011 (no flag columns yet).
    const user = (id: string, lockedUntil: string | null) => ({
      id,
      username: id,
      display_name: id,
      password_hash: 'x',
      role: 'admin',
      failed_logins: 0,
      locked_until: lockedUntil,
      created_at: '2026-11-22T00:00:00.000Z',
    });

    // The schema of the time (locked_until was dropped by migration 2026-12-07-200), not today's type.
    // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time (STYLE.md habit 5).
    const old = () => t.db as Kysely<any>;

    it('moves accounts disabled through locked_until to the disabled flag, and back on down', async () => {
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        if (name >= '2026-11-22-011') break;
        await migration.up(old());
      }
      await old()
        .insertInto('users')
        .values([
          user('off', OLD_DISABLED_UNTIL),
          user('locked', '2026-11-22T01:00:00.000Z'),
          user('on', null),
        ])
        .execute();
      await userFlags.up(old());
      const rows = await old()
        .selectFrom('users')
        .select(['id', 'disabled', 'locked_until', 'must_change_password'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'locked', disabled: 0, locked_until: '2026-11-22T01:00:00.000Z', must_change_password: 0 },
        { id: 'off', disabled: 1, locked_until: null, must_change_password: 0 },
        { id: 'on', disabled: 0, locked_until: null, must_change_password: 0 },
      ]);
      await userFlags.down(old());
      const back = await old().selectFrom('users').selectAll().orderBy('id').execute();
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
