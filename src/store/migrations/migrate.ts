import { type Kysely, type Migration, type MigrationResultSet, Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { dialectOf } from '../dialect.ts';
import * as m001 from './2026-11-22-001-regions.ts';
import * as m002 from './2026-11-22-002-agencies.ts';
import * as m003 from './2026-11-22-003-users.ts';
import * as m004 from './2026-11-22-004-sessions.ts';
import * as m005 from './2026-11-22-005-api-tokens.ts';
import * as m006 from './2026-11-22-006-tracking-counters.ts';
import * as m007 from './2026-11-22-007-applications.ts';
import * as m008 from './2026-11-22-008-applicants.ts';
import * as m009 from './2026-11-22-009-audit-log.ts';
import * as m010 from './2026-11-22-010-audit-log-append-only.ts';
import * as m011 from './2026-11-22-011-user-flags.ts';
import * as m012 from './2026-11-22-012-normative-documents.ts';
import * as m013 from './2026-11-22-013-enforcement-statistics.ts';
import * as m014 from './2026-11-22-014-cases.ts';
import * as m015 from './2026-11-22-015-disclosures.ts';
import * as m016 from './2026-11-22-016-annual-reports.ts';
import * as m017 from './2026-11-22-017-annual-report-workflow.ts';
import * as m018 from './2026-11-22-018-applications-table3-index.ts';
import * as m019 from './2026-11-22-019-import-batches.ts';
import * as m020 from './2026-11-22-020-work-records.ts';
import * as m021 from './2026-11-22-021-work-figures-unique.ts';
import * as m101 from './2026-12-07-001-holiday-arrangements.ts';
import * as m102 from './2026-12-07-002-application-form.ts';
import * as m110 from './2026-12-07-010-jobs.ts';
import * as m111 from './2026-12-07-010-organisation-history.ts';
import * as m120 from './2026-12-07-020-audit-log-chains.ts';
import * as m121 from './2026-12-07-021-audit-chain-heads.ts';
import * as m131 from './2026-12-07-031-rate-limit-counters.ts';
import * as m132 from './2026-12-07-032-scheduled-runs.ts';
import * as m150 from './2026-12-07-050-applications-open-index.ts';
import * as m160 from './2026-12-07-060-region-mixed-outcome-rule.ts';
import * as m210 from './2026-12-07-110-audit-chain-heads-forward.ts';
import * as m220 from './2026-12-07-120-report-figures.ts';
import * as m250 from './2026-12-07-150-agency-merged-into.ts';
import * as m300 from './2026-12-07-200-drop-users-locked-until.ts';
import * as m340 from './2026-12-07-240-report-scans.ts';
import * as m341 from './2026-12-07-241-import-file-pages.ts';
import * as m350 from './2026-12-07-250-report-figures-2019.ts';

/**
 * Every migration, by name. Imported statically (no folder scanning) so that the list is the same
 * in tests, bundles and installed packages. Kysely applies them in name order; a new migration
 * gets a later date prefix and is added here. Never edit one that has shipped.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-22-001-regions': m001,
  '2026-11-22-002-agencies': m002,
  '2026-11-22-003-users': m003,
  '2026-11-22-004-sessions': m004,
  '2026-11-22-005-api-tokens': m005,
  '2026-11-22-006-tracking-counters': m006,
  '2026-11-22-007-applications': m007,
  '2026-11-22-008-applicants': m008,
  '2026-11-22-009-audit-log': m009,
  '2026-11-22-010-audit-log-append-only': m010,
  '2026-11-22-011-user-flags': m011,
  '2026-11-22-012-normative-documents': m012,
  '2026-11-22-013-enforcement-statistics': m013,
  '2026-11-22-014-cases': m014,
  '2026-11-22-015-disclosures': m015,
  '2026-11-22-016-annual-reports': m016,
  '2026-11-22-017-annual-report-workflow': m017,
  '2026-11-22-018-applications-table3-index': m018,
  '2026-11-22-019-import-batches': m019,
  '2026-11-22-020-work-records': m020,
  '2026-11-22-021-work-figures-unique': m021,
  '2026-12-07-001-holiday-arrangements': m101,
  '2026-12-07-002-application-form': m102,
  '2026-12-07-010-jobs': m110,
  '2026-12-07-010-organisation-history': m111,
  '2026-12-07-020-audit-log-chains': m120,
  '2026-12-07-021-audit-chain-heads': m121,
  '2026-12-07-031-rate-limit-counters': m131,
  '2026-12-07-032-scheduled-runs': m132,
  '2026-12-07-050-applications-open-index': m150,
  '2026-12-07-060-region-mixed-outcome-rule': m160,
  '2026-12-07-110-audit-chain-heads-forward': m210,
  '2026-12-07-120-report-figures': m220,
  '2026-12-07-150-agency-merged-into': m250,
  '2026-12-07-200-drop-users-locked-until': m300,
  '2026-12-07-240-report-scans': m340,
  '2026-12-07-241-import-file-pages': m341,
  '2026-12-07-250-report-figures-2019': m350,
};

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema, like the migrations.
async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  // On PostgreSQL, Kysely's bookkeeping tables go in the schema the migrations write to (the first
  // of search_path); otherwise a kysely_migration table in another schema would be mistaken for ours.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

function check(outcome: MigrationResultSet, what: string): string[] {
  if (outcome.error !== undefined) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    throw new AppError('INTERNAL', `${what}失败${failed ? `（${failed}）` : ''}：${reason}`, {
      migration: failed,
    });
  }
  return (outcome.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies every pending migration in one transaction (both dialects: all or none), under the
 * migrator's lock (PostgreSQL: an advisory lock; SQLite: the write lock of BEGIN IMMEDIATE) so that
 * instances starting together apply each one once. Returns the names applied (empty when the
 * schema was current). Throws AppError('INTERNAL') naming the migration that failed.
 */
// biome-ignore lint/suspicious/noExplicitAny: see migratorFor.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return check(await migrateRetryingSchemaRace(db, (m) => m.migrateToLatest()), '数据库迁移');
}

/**
 * PostgreSQL's invalid_schema_name, undefined_table and undefined_column: what Kysely's listing of
 * every table of every schema fails with when another schema, or a table or column of it, is
 * dropped while the listing runs.
 */
const LISTING_RACE_CODES: ReadonlySet<unknown> = new Set(['3F000', '42P01', '42703']);
const SCHEMA_RACE_ATTEMPTS = 5;

/**
 * Runs a migration step, again when it failed only because another schema of the database changed
 * meanwhile: Kysely's migrator looks for its own tables by listing every table of every schema
 * (has_schema_privilege on each, and their columns), which fails when any schema, table or column
 * disappears during the listing — another tenant migrating, a test's schema dropped. Nothing was
 * applied then (no migration result: the listing comes before the migrations' transaction), so
 * running the step again is safe.
 */
async function migrateRetryingSchemaRace(
  // biome-ignore lint/suspicious/noExplicitAny: see migratorFor.
  db: Kysely<any>,
  step: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationResultSet> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await step(await migratorFor(db));
    const code = (outcome.error as { code?: unknown } | undefined)?.code;
    const raced = LISTING_RACE_CODES.has(code) && outcome.results === undefined;
    if (!raced || attempt >= SCHEMA_RACE_ATTEMPTS) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}

/**
 * Applies the migrations up to and including `name`, no further (tests of a database created by an
 * earlier release). Returns the names applied.
 */
// biome-ignore lint/suspicious/noExplicitAny: see migratorFor.
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<string[]> {
  return check(await migrateRetryingSchemaRace(db, (m) => m.migrateTo(name)), '数据库迁移');
}

/** Reverts every migration (tests, and rebuilding a development database). Returns the names reverted. */
// biome-ignore lint/suspicious/noExplicitAny: see migratorFor.
export async function migrateAllDown(db: Kysely<any>): Promise<string[]> {
  return check(await migrateRetryingSchemaRace(db, (m) => m.migrateTo(NO_MIGRATIONS)), '撤销数据库迁移');
}
