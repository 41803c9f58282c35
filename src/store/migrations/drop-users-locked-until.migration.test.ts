import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { createAgency, createRegion } from '../organisation/organisation.repository.ts';
import { createApiToken, findApiToken } from '../users/api-tokens.repository.ts';
import { createSession, findSession } from '../users/sessions.repository.ts';
import {
  authenticate,
  createUser,
  listUsers,
  recordFailedLogin,
  setUserDisabled,
} from '../users/users.repository.ts';
import * as dropLockedUntil from './2026-12-07-200-drop-users-locked-until.ts';
import { migrateToLatest, migrateUpTo } from './migrate.ts';

/** The migration before: databases in service still have users.locked_until, some of it filled. */
const BEFORE = '2026-12-07-150-agency-merged-into';
const PASSWORD = 'richtig-passwort-1';

describeEachDialect(
  'migration 2026-12-07-200 (users.locked_until dropped) on a database with accounts',
  (t) => {
    // biome-ignore lint/suspicious/noExplicitAny: the column is no longer in the Database type.
    const columnsOfUsers = async (db: Kysely<any>) => {
      // PostgreSQL: the suite's own schema (Kysely's introspection lists every schema's tables).
      const schema =
        t.dialect === 'postgres'
          ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
          : undefined;
      const tables = await db.introspection.getTables();
      const users = tables.find((table) => table.name === 'users' && table.schema === schema);
      return (users?.columns ?? []).map((c) => c.name).sort();
    };

    it('drops the column and keeps every account, its sessions, tokens, flags and count; down adds it back empty', async () => {
      await migrateUpTo(t.db, BEFORE);
      expect(await columnsOfUsers(t.db)).toContain('locked_until');
      const region = await createRegion(t.db, { code: 'M200', name: '迁移市', level: 'city' });
      const agency = await createAgency(t.db, { regionId: region.id, name: '甲局', kind: 'department' });
      const now = new Date('2026-12-01T02:00:00.000Z');
      const officer = await createUser(
        t.db,
        {
          username: 'm200.officer',
          displayName: '经办人',
          password: PASSWORD,
          role: 'officer',
          agencyId: agency.id,
        },
        now,
      );
      const supervisor = await createUser(
        t.db,
        {
          username: 'm200.supervisor',
          displayName: '监督人',
          password: PASSWORD,
          role: 'supervisor',
          regionId: region.id,
        },
        now,
      );
      const admin = await createUser(
        t.db,
        {
          username: 'm200.admin',
          displayName: '管理员',
          password: PASSWORD,
          role: 'admin',
          mustChangePassword: true,
        },
        now,
      );
      await setUserDisabled(t.db, supervisor.id, true);
      await recordFailedLogin(t.db, officer.id);
      await recordFailedLogin(t.db, officer.id);
      // What an older release wrote into the column: a lock in the future, and one in the past.
      await sql`update users set locked_until = ${'2999-01-01T00:00:00.000Z'} where id = ${officer.id}`.execute(
        t.db,
      );
      await sql`update users set locked_until = ${'2026-11-30T00:00:00.000Z'} where id = ${admin.id}`.execute(
        t.db,
      );
      const { token: sessionToken } = await createSession(t.db, officer.id, now, 365 * 24 * 60 * 60 * 1000);
      const { token: apiToken } = await createApiToken(t.db, officer.id, '导入脚本', now);
      const before = await listUsers(t.db);

      expect(await migrateToLatest(t.db)).toContain('2026-12-07-200-drop-users-locked-until');
      const columns = await columnsOfUsers(t.db);
      expect(columns).not.toContain('locked_until');
      expect(columns).toEqual(expect.arrayContaining(['failed_logins', 'disabled', 'must_change_password']));
      // Every account as it was, to the last flag and count.
      expect(await listUsers(t.db)).toEqual(before);
      expect(before.find((u) => u.id === officer.id)).toMatchObject({ failedLogins: 2, disabled: false });
      expect(before.find((u) => u.id === supervisor.id)).toMatchObject({ disabled: true });
      expect(before.find((u) => u.id === admin.id)).toMatchObject({ mustChangePassword: true });
      // The rows that point at users survived the table's rebuild (SQLite copies the table to drop a column).
      expect((await findSession(t.db, sessionToken, now))?.user.id).toBe(officer.id);
      expect((await findApiToken(t.db, apiToken))?.user.id).toBe(officer.id);
      // The old lock in the future no longer keeps its owner out; the count is cleared on login.
      const login = await authenticate(t.db, 'm200.officer', PASSWORD);
      expect(login).toMatchObject({ ok: true, failedLoginsBefore: 2, user: { failedLogins: 0 } });
      expect(await authenticate(t.db, 'm200.supervisor', PASSWORD)).toEqual({
        ok: false,
        reason: 'disabled',
      });

      await dropLockedUntil.down(t.db);
      expect(await columnsOfUsers(t.db)).toContain('locked_until');
      const back = await sql<{ locked_until: string | null }>`select locked_until from users`.execute(t.db);
      expect(back.rows.map((r) => r.locked_until)).toEqual([null, null, null]);
    });
  },
  { migrate: false },
);
