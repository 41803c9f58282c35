import type { Kysely } from 'kysely';
import type { Application, ApplicationEvent } from '../../core/applications/application.ts';
import type { Channel } from '../../core/deadlines/deadline-input.ts';
import type { Database } from '../database.ts';

/**
 * The histories of an agency's applications concluded in `year` (by the day they were concluded),
 * for core countAnswerTimeliness; no personal data is read.
 */
export async function concludedInYear(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<Array<Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn' | 'events'>>> {
  const rows = await db
    .selectFrom('applications')
    .select(['channel', 'submitted_on', 'confirmed_on', 'events_json'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'concluded')
    .where('concluded_on', '>=', `${year}-01-01`)
    .where('concluded_on', '<=', `${year}-12-31`)
    .execute();
  return rows.map((r) => ({
    channel: r.channel as Channel,
    submittedOn: r.submitted_on,
    confirmedOn: r.confirmed_on,
    events: JSON.parse(r.events_json) as ApplicationEvent[],
  }));
}
