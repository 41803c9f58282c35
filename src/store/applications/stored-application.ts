import type { AnswerTimeliness } from '../../core/applications/answer-timeliness.ts';
import type { IdType } from '../../core/applications/applicant-identity.ts';
import type {
  ApplicantType,
  Application,
  ApplicationEvent,
  ApplicationStatus,
  Outcome,
} from '../../core/applications/application.ts';
import type { RequestedForm } from '../../core/applications/registration-input.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { Channel } from '../../core/deadlines/deadline-input.ts';
import type { ApplicationsTable } from '../database.ts';

/** An application as stored: the core's Application plus its identity, version and derived due date. */
export interface StoredApplication extends Application {
  id: string;
  agencyId: string;
  /** Incremented by every save; pass it back to recordApplicationEvent (optimistic concurrency). */
  version: number;
  /**
   * The answer deadline as of the last save (core deadlineOfApplication). null while unknown:
   * 补正 awaited, period suspended, or the holiday calendar does not reach it yet.
   */
  answerDueOn: IsoDate | null;
  /** 载体形式 and 获取方式 as the applicant stated them; null when not stated. */
  requestedForm: RequestedForm | null;
  createdAt: string;
  updatedAt: string;
}

/** The applicant's personal data: for the handling agency's eyes only (never in lists, statistics, exports or the audit log). */
export interface Applicant {
  /** Natural person's name, or the organisation's. */
  name: string;
  idType: IdType | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  email: string | null;
}

/** One line of a list of applications: the applicant's name masked, no other personal data. */
export interface ApplicationSummary {
  id: string;
  trackingNumber: string;
  channel: Channel;
  receivedOn: IsoDate;
  applicantType: ApplicantType;
  /** "张**": the first character and two stars; "*" for a one-character name. */
  applicantNameMasked: string;
  description: string;
  status: ApplicationStatus;
  outcome: Outcome | null;
  concludedOn: IsoDate | null;
  answerDueOn: IsoDate | null;
  version: number;
  /** Answered on time or late (core answerTimeliness, from the history, which stays in the store); null if not answered. */
  answerTimeliness: AnswerTimeliness | null;
}

export function rowToApplication(row: ApplicationsTable): StoredApplication {
  return {
    id: row.id,
    agencyId: row.agency_id,
    trackingNumber: row.tracking_number,
    channel: row.channel as Channel,
    submittedOn: row.submitted_on,
    confirmedOn: row.confirmed_on,
    receivedOn: row.received_on,
    applicantType: row.applicant_type as ApplicantType,
    description: row.description,
    events: JSON.parse(row.events_json) as ApplicationEvent[],
    status: row.status as ApplicationStatus,
    outcome: row.outcome as Outcome | null,
    concludedOn: row.concluded_on,
    answerDueOn: row.answer_due_on,
    requestedForm: row.requested_form_json ? (JSON.parse(row.requested_form_json) as RequestedForm) : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The core's view of a stored application (what applyEvent and deadlineOfApplication take). */
export function toCoreApplication(stored: StoredApplication): Application {
  return {
    trackingNumber: stored.trackingNumber,
    channel: stored.channel,
    submittedOn: stored.submittedOn,
    confirmedOn: stored.confirmedOn,
    receivedOn: stored.receivedOn,
    applicantType: stored.applicantType,
    description: stored.description,
    events: stored.events,
    status: stored.status,
    outcome: stored.outcome,
    concludedOn: stored.concludedOn,
  };
}

/** "张**" from the first character and the length of a name. */
export function maskName(first: string, length: number): string {
  return length <= 1 ? '*' : `${first}**`;
}
