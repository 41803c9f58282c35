// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * 条例第二十九条 in full: the type of the applicant's identity document (with the applicant's
 * personal data), and the form in which the information is wanted (载体形式, 获取方式), as JSON on
 * the application (not personal data). Both null on applications registered before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applicants').addColumn('id_type', 'text').execute();
  await db.schema.alterTable('applications').addColumn('requested_form_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('requested_form_json').execute();
  await db.schema.alterTable('applicants').dropColumn('id_type').execute();
}
