import { type Kysely, sql } from 'kysely';
import { answerTimeliness } from '../../core/applications/answer-timeliness.ts';
import type {
  ApplicantType,
  ApplicationEvent,
  ApplicationStatus,
  Outcome,
} from '../../core/applications/application.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { Channel } from '../../core/deadlines/deadline-input.ts';
import type { Database } from '../database.ts';
import { type ApplicationSummary, maskName } from './stored-application.ts';

export interface ApplicationFilters {
  status?: ApplicationStatus | readonly ApplicationStatus[];
  /** Open applications whose answer is due before this day: `today` lists the overdue ones. */
  dueBefore?: IsoDate;
  /** Year of receipt (the year of the tracking number). */
  year?: number;
  /** Text searched in the tracking number and the description (not in personal data). */
  q?: string;
  /** Only applications answered after their deadline (core answerTimeliness: 逾期答复). */
  answeredLate?: boolean;
}

export interface Page {
  /** 1–200, default 50. */
  limit?: number;
  offset?: number;
  /** 'received' (default): latest receipt first; 'due': open ones by answer deadline, soonest first. */
  order?: 'received' | 'due';
}

export interface ApplicationList {
  items: ApplicationSummary[];
  /** Matching applications in all pages. */
  total: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of an agency's applications, latest receipt first (or by deadline: `order: 'due'`). The applicant appears only as a
 * masked name, computed in SQL: the full name, ID number, phone and address never leave the
 * database on this path.
 */
export async function listApplications(
  db: Kysely<Database>,
  agencyId: string,
  filters: ApplicationFilters = {},
  page: Page = {},
): Promise<ApplicationList> {
  const limit = Math.min(200, Math.max(1, Math.trunc(page.limit ?? 50)));
  const offset = Math.max(0, Math.trunc(page.offset ?? 0));
  const statuses = filters.status === undefined ? [] : ([] as ApplicationStatus[]).concat(filters.status);
  const q = filters.q?.trim() ?? '';
  const pattern = `%${escapeLike(q)}%`;
  const base = db
    .selectFrom('applications')
    .where('applications.agency_id', '=', agencyId)
    .$if(statuses.length > 0, (qb) => qb.where('applications.status', 'in', statuses))
    .$if(filters.dueBefore !== undefined, (qb) =>
      qb
        .where('applications.status', '!=', 'concluded')
        .where('applications.answer_due_on', '<', filters.dueBefore as IsoDate),
    )
    .$if(filters.year !== undefined, (qb) => qb.where('applications.year', '=', filters.year as number))
    .$if(q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(sql`applications.tracking_number`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`applications.description`, 'like', sql`${pattern} escape '\\'`),
        ]),
      ),
    );
  const summaries = base
    .innerJoin('applicants', 'applicants.application_id', 'applications.id')
    .select([
      'applications.id',
      'applications.tracking_number',
      'applications.channel',
      'applications.submitted_on',
      'applications.confirmed_on',
      'applications.received_on',
      'applications.applicant_type',
      'applications.description',
      'applications.events_json',
      'applications.status',
      'applications.outcome',
      'applications.concluded_on',
      'applications.answer_due_on',
      'applications.version',
      sql<string>`substr(applicants.name, 1, 1)`.as('name_first'),
      sql<number>`length(applicants.name)`.as('name_length'),
    ])
    .$if(page.order === 'due', (qb) =>
      qb
        .orderBy(sql`case when applications.status = 'concluded' then 1 else 0 end`)
        .orderBy(sql`case when applications.answer_due_on is null then 1 else 0 end`)
        .orderBy('applications.answer_due_on', 'asc'),
    )
    .orderBy('applications.received_on', 'desc')
    .orderBy('applications.tracking_number', 'desc');
  type Row = Awaited<ReturnType<typeof summaries.execute>>[number];
  const toSummary = (r: Row): ApplicationSummary => ({
    id: r.id,
    trackingNumber: r.tracking_number,
    channel: r.channel as Channel,
    receivedOn: r.received_on,
    applicantType: r.applicant_type as ApplicantType,
    applicantNameMasked: maskName(r.name_first, Number(r.name_length)),
    description: r.description,
    status: r.status as ApplicationStatus,
    outcome: r.outcome as Outcome | null,
    concludedOn: r.concluded_on,
    answerDueOn: r.answer_due_on,
    version: r.version,
    answerTimeliness: answerTimeliness({
      channel: r.channel as Channel,
      submittedOn: r.submitted_on,
      confirmedOn: r.confirmed_on,
      events: JSON.parse(r.events_json) as ApplicationEvent[],
    }),
  });
  if (filters.answeredLate) {
    // The core decides (answerTimeliness); SQL only narrows to concluded applications whose stored due
    // date (as of the last step) is before the day they were concluded — a necessary condition.
    const candidates = await summaries
      .where('applications.status', '=', 'concluded')
      .where(sql<boolean>`applications.concluded_on > applications.answer_due_on`)
      .execute();
    const late = candidates.map(toSummary).filter((a) => a.answerTimeliness?.state === 'late');
    return { total: late.length, items: late.slice(offset, offset + limit) };
  }
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await summaries.limit(limit).offset(offset).execute();
  return { total: Number(counted.n), items: rows.map(toSummary) };
}
