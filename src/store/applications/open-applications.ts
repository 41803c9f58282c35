import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { Database } from '../database.ts';
import { rowToApplication, type StoredApplication } from './stored-application.ts';

/** Every application not concluded, of every agency: those whose deadlines a new calendar can move. */
export async function listOpenApplications(db: Kysely<Database>): Promise<StoredApplication[]> {
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('status', '!=', 'concluded')
    .orderBy('id')
    .execute();
  return rows.map(rowToApplication);
}

/**
 * Stores the answer due day recomputed with a new holiday calendar, if nobody saved the
 * application since `expectedVersion` (the version is bumped: a page showing the old day is stale).
 * False when the version was stale.
 */
export async function saveRecomputedAnswerDue(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  answerDueOn: IsoDate | null,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('applications')
    .set({ answer_due_on: answerDueOn, version: expectedVersion + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows !== 0n;
}

/** Receipt and stored answer due day of the agency's open applications that have a due day. */
export async function listOpenDueDays(
  db: Kysely<Database>,
  agencyId: string,
): Promise<Array<{ receivedOn: IsoDate; answerDueOn: IsoDate }>> {
  const rows = await db
    .selectFrom('applications')
    .select(['received_on', 'answer_due_on'])
    .where('agency_id', '=', agencyId)
    .where('status', '!=', 'concluded')
    .where('answer_due_on', 'is not', null)
    .execute();
  return rows.map((r) => ({ receivedOn: r.received_on, answerDueOn: r.answer_due_on! }));
}
