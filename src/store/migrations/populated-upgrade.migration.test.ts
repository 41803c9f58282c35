import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  TEST_PASSWORD,
} from '../../../test/support/server-factories.ts';
import { auditVerify } from '../../../test/support/server-process.ts';
import { registerTestApplication } from '../../../test/support/store-factories.ts';
import {
  postgresAvailable,
  tempPostgresSchema,
  tempSqliteFile,
} from '../../../test/support/store-test-db.ts';
import { getApplicant, getApplication } from '../applications/applications.repository.ts';
import type { Database } from '../database.ts';
import { openDatabase } from '../dialect.ts';
import { authenticate } from '../users/users.repository.ts';
import { MIGRATIONS, migrateToLatest, migrateUpTo } from './migrate.ts';

/** The last migration of the previous release (November 2026): the schema its databases have. */
const PREVIOUS_RELEASE = '2026-11-22-021-work-figures-unique';

/** The records an agency keeps, in an order that satisfies their foreign keys. */
const TABLES = ['regions', 'agencies', 'users', 'tracking_counters', 'applications', 'applicants'] as const;

/**
 * Rows as today's code writes them (registration through the use-case, users through the
 * repository), made on a scratch database of the latest schema.
 */
async function recordsOfToday() {
  const scratch = openDatabase('sqlite::memory:');
  await migrateToLatest(scratch.db);
  const org = await createTestOrganisation(scratch.db);
  const officer = await createTestUser(scratch.db, 'officer', { agencyId: org.agencyX.id });
  const registered = [];
  for (let i = 0; i < 5; i += 1)
    registered.push(
      await registerTestApplication(scratch.db, org.agencyX.id, { description: `升级前第${i}件` }),
    );
  const rows: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of TABLES) rows[table] = await scratch.db.selectFrom(table).selectAll().execute();
  await scratch.close();
  return { agencyId: org.agencyX.id, officer, registered: registered.map((r) => r.application), rows };
}

/**
 * A database created by the previous release and used before the upgrade: the previous release's
 * migrations, then records holding only the columns that schema has.
 */
async function previousReleaseDatabase(url: string) {
  const today = await recordsOfToday();
  const opened = openDatabase(url);
  expect((await migrateUpTo(opened.db, PREVIOUS_RELEASE)).at(-1)).toBe(PREVIOUS_RELEASE);
  const schema =
    opened.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(opened.db)).rows[0]?.s
      : undefined;
  const tables = await opened.db.introspection.getTables();
  for (const table of TABLES) {
    const found = tables.find((t) => t.name === table && t.schema === schema)!;
    const columns = new Set(found.columns.map((c) => c.name));
    const rows = today.rows[table]!.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => columns.has(column))),
    );
    await opened.db
      .insertInto(table as keyof Database)
      .values(rows as never)
      .execute();
  }
  return { ...today, opened };
}

const engines: Array<{ name: string; make(): Promise<{ url: string; cleanup(): Promise<void> }> }> = [
  {
    name: 'sqlite',
    make: async () => {
      const file = tempSqliteFile();
      return { url: file.url, cleanup: async () => file.cleanup() };
    },
  },
  ...(postgresAvailable
    ? [
        {
          name: 'postgres',
          make: async () => {
            const schema = await tempPostgresSchema();
            return { url: schema.url, cleanup: schema.drop };
          },
        },
      ]
    : []),
];

for (const engine of engines) {
  describe(`upgrading a populated database from the previous release's schema [${engine.name}]`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    it('applies the newer migrations; every record reads, logs in and numbers on as before', async () => {
      const target = await engine.make();
      cleanups.push(target.cleanup);
      const { opened, agencyId, officer, registered } = await previousReleaseDatabase(target.url);
      try {
        const newer = Object.keys(MIGRATIONS).filter((name) => name > PREVIOUS_RELEASE);
        expect(newer.length).toBeGreaterThan(0);
        expect(await migrateToLatest(opened.db)).toEqual(newer);

        for (const before of registered) {
          const after = await getApplication(opened.db, agencyId, before.id);
          expect(after?.trackingNumber).toBe(before.trackingNumber);
          expect(after?.description).toBe(before.description);
          expect(after?.answerDueOn).toBe(before.answerDueOn);
          expect((await getApplicant(opened.db, agencyId, before.id))?.name).toBe('张三丰');
        }
        const login = await authenticate(opened.db, officer.username, TEST_PASSWORD);
        expect(login.ok).toBe(true);
        // The counter carried over: the next registration takes the next number.
        const highest = Math.max(...registered.map((a) => Number(a.trackingNumber.split('-')[1])));
        const next = await registerTestApplication(opened.db, agencyId, { description: '升级后第一件' });
        expect(Number(next.application.trackingNumber.split('-')[1])).toBe(highest + 1);
      } finally {
        await opened.close();
      }
      const verified = auditVerify(target.url);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    }, 120_000);
  });
}
