import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestAgency } from '../../test/support/store-factories.ts';
import {
  postgresAvailable,
  TEST_DATABASE_URL,
  tempPostgresSchema,
} from '../../test/support/store-test-db.ts';
import { openDatabase } from './dialect.ts';
import { migrateToLatest } from './migrations/migrate.ts';
import { namedStatement } from './named-statements.ts';
import { createSession, findSession } from './users/sessions.repository.ts';
import { createUser } from './users/users.repository.ts';

describe.runIf(postgresAvailable)('namedStatement on PostgreSQL', () => {
  it('runs a registered text as a prepared statement of the connection, and other texts as they are', async () => {
    const opened = openDatabase(TEST_DATABASE_URL, { poolSize: 1 });
    try {
      const registered = namedStatement('select $1::integer + 1 as n /* named-statements.test */');
      const other = 'select $1::integer + 2 as n /* named-statements.test, not registered */';
      const run = async (text: string, value: number) =>
        (await opened.db.executeQuery<{ n: number }>(CompiledQuery.raw(text, [value]))).rows[0]!.n;
      expect(await run(registered, 1)).toBe(2);
      expect(await run(registered, 41)).toBe(42);
      expect(await run(other, 1)).toBe(3);
      // One connection: the statements it has prepared are its own.
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        opened.db,
      );
      const texts = prepared.rows.map((r) => r.statement);
      expect(texts).toContain(registered);
      expect(texts).not.toContain(other);
    } finally {
      await opened.close();
    }
  });

  it('prepares the session lookup every request makes, and still finds the session by it', async () => {
    const schema = await tempPostgresSchema();
    const opened = openDatabase(schema.url, { poolSize: 1 });
    try {
      await migrateToLatest(opened.db);
      const { agency } = await createTestAgency(opened.db);
      const now = new Date('2026-06-30T02:00:00.000Z');
      const user = await createUser(
        opened.db,
        {
          username: 'prepared-session',
          displayName: '李经办',
          password: 'pass-word-1',
          role: 'officer',
          agencyId: agency.id,
        },
        now,
      );
      const { token } = await createSession(opened.db, user.id, now);
      for (let i = 0; i < 2; i += 1) {
        const found = await findSession(opened.db, token, now);
        expect(found?.user).toMatchObject({ id: user.id, username: 'prepared-session', role: 'officer' });
      }
      expect(await findSession(opened.db, `${token}x`, now)).toBeNull();
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        opened.db,
      );
      expect(prepared.rows.filter((r) => r.statement.includes('from "sessions"'))).toHaveLength(1);
    } finally {
      await opened.close();
      await schema.drop();
    }
  });
});
