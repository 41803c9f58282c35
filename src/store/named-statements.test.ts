import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { postgresAvailable, TEST_DATABASE_URL } from '../../test/support/store-test-db.ts';
import { openDatabase } from './dialect.ts';
import { namedStatement } from './named-statements.ts';

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
});
