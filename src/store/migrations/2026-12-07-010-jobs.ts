// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Jobs: long work (an import of thousands of files…) run by workers, in parts. A job row is what
 * the web and the CLI show (state, done/total, message, result or error); the queue that hands
 * the parts to workers is pg-boss on PostgreSQL (its own schema) and this table itself on SQLite.
 *
 * import_files: the files of an import batch run as a job, one row per file. `content` holds the
 * file's bytes when the job reads it, `planned_json` what the batch's preview read; `status`
 * is null until the file's outcome is stored, in the same transaction as the reports it stored,
 * so a file is never imported twice by a part run again after its worker died.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('parts', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('result_json', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addCheckConstraint('jobs_state_check', sql`state in ('queued', 'running', 'succeeded', 'failed')`)
    .execute();
  await db.schema.createIndex('jobs_created_index').on('jobs').columns(['created_at']).execute();
  await db.schema.createIndex('jobs_state_index').on('jobs').columns(['state', 'updated_at']).execute();

  // The job that stores a confirmed batch's files (null for a batch confirmed before jobs).
  await db.schema.alterTable('import_batches').addColumn('job_id', 'text').execute();

  await db.schema
    .createTable('import_files')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batches.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', postgres ? 'bytea' : 'blob')
    .addColumn('planned_json', 'text')
    .addColumn('status', 'text')
    .addColumn('reason', 'text')
    .addColumn('recognised_agency', 'text')
    .addColumn('agency_name', 'text')
    .addColumn('year', 'integer')
    .addColumn('report_id', 'text')
    .addColumn('version', 'integer')
    .addPrimaryKeyConstraint('import_files_pk', ['batch_id', 'position'])
    .addCheckConstraint(
      'import_files_status_check',
      sql`status is null or status in ('imported', 'duplicate', 'skipped')`,
    )
    .execute();
  await db.schema
    .createIndex('import_files_agency_year_index')
    .on('import_files')
    .columns(['batch_id', 'agency_name', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_files').execute();
  await db.schema.alterTable('import_batches').dropColumn('job_id').execute();
  await db.schema.dropTable('jobs').execute();
}
