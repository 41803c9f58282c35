import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { MIGRATIONS, migrateAllDown, migrateToLatest } from './migrate.ts';

const TABLES = [
  'agencies',
  'agency_former_names',
  'annual_reports',
  'api_tokens',
  'applicants',
  'applications',
  'audit_chains',
  'audit_log',
  'cases',
  'disclosures',
  'enforcement_statistics',
  'holiday_arrangements',
  'import_batches',
  'import_files',
  'jobs',
  'normative_documents',
  'rate_limit_counters',
  'region_year_figures',
  'regions',
  'report_figures',
  'report_scans',
  'scheduled_runs',
  'sessions',
  'tracking_counters',
  'users',
  'work_records',
];

describe('MIGRATIONS', () => {
  it('are named by date and number, in order, one file each', () => {
    const names = Object.keys(MIGRATIONS);
    expect(names.every((n) => /^\d{4}-\d{2}-\d{2}-\d{3}-[a-z0-9-]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });
});

describeEachDialect(
  'migrateToLatest and migrateAllDown',
  (t) => {
    // Only this suite's schema: on PostgreSQL, other test files' schemas exist at the same time.
    const tables = async () => {
      const schema =
        t.dialect === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]?.s
          : undefined;
      return (await t.db.introspection.getTables())
        .filter((x) => schema === undefined || x.schema === schema)
        .map((x) => x.name)
        .filter((n) => !n.startsWith('kysely_'))
        .sort();
    };

    it('creates every table, then does nothing the second time', async () => {
      expect(await migrateToLatest(t.db)).toEqual(Object.keys(MIGRATIONS));
      expect(await tables()).toEqual(TABLES);
      expect(await migrateToLatest(t.db)).toEqual([]);
    });

    it('reverts every migration down to an empty schema, and applies them again', async () => {
      expect(await migrateAllDown(t.db)).toEqual(Object.keys(MIGRATIONS).reverse());
      expect(await tables()).toEqual([]);
      expect(await migrateToLatest(t.db)).toHaveLength(Object.keys(MIGRATIONS).length);
      expect(await tables()).toEqual(TABLES);
    });

    it('refuses to update or delete audit entries', async () => {
      await sql`insert into audit_log (chain, seq, at, actor_label, entity, entity_id, action, prev_hash, hash)
                values ('system', 1, 'x', 'x', 'x', 'x', 'x', 'x', 'x')`.execute(t.db);
      await expect(sql`update audit_log set action = 'y'`.execute(t.db)).rejects.toThrow('append-only');
      await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow('append-only');
    });

    it('applies concurrent migrateToLatest calls once', async () => {
      await migrateAllDown(t.db);
      const results = await Promise.all([
        migrateToLatest(t.db),
        migrateToLatest(t.db),
        migrateToLatest(t.db),
      ]);
      expect(results.flat()).toEqual(Object.keys(MIGRATIONS));
    });
  },
  { migrate: false },
);
