import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { Database } from '../database.ts';

export interface OldestApplication {
  id: string;
  receivedOn: IsoDate;
}

/** The agency's application received first (any one of them when several share that day), or null when it has none. */
export async function findOldestApplication(
  db: Kysely<Database>,
  agencyId: string,
): Promise<OldestApplication | null> {
  const row = await db
    .selectFrom('applications')
    .select(['id', 'received_on'])
    .where('agency_id', '=', agencyId)
    .orderBy('received_on')
    .executeTakeFirst();
  return row ? { id: row.id, receivedOn: row.received_on } : null;
}
