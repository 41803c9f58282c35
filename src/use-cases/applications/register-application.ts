import { z } from 'zod';
import { type IdType, inferIdType, normaliseIdNumber } from '../../core/applications/applicant-identity.ts';
import type { Application } from '../../core/applications/application.ts';
import type { ApplicationDeadlines } from '../../core/applications/application-deadlines.ts';
import { deadlineOfApplication } from '../../core/applications/deadline-of-application.ts';
import {
  type ApplicationRegistration,
  applicationRegistrationSchema,
  type RequestedForm,
} from '../../core/applications/registration-input.ts';
import { activeWorkingCalendar, type WorkingCalendar } from '../../core/calendar/workdays.ts';
import type { IsoDate } from '../../core/dates.ts';
import { parseDeadlineInput } from '../../core/deadlines/deadline-input.ts';
import { readTimeline } from '../../core/deadlines/read-timeline.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { followUpCodeHash, newFollowUpCode } from '../../store/applications/follow-up-code.ts';
import { insertNumberedApplications } from '../../store/applications/registration-batch.ts';
import type { Applicant, StoredApplication } from '../../store/applications/stored-application.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';

export interface RegisterApplicationInput extends ApplicationRegistration {
  agencyId: string;
}

export interface RegisteredApplication {
  application: StoredApplication;
  /**
   * The applicant's follow-up code (e.g. "K7QM-2XRD-9PWA-H3TZ"), shown once with the tracking
   * number: with both the applicant can follow the case. Only its SHA-256 is stored.
   */
  followUpCode: string;
  /** The deadlines as of the day of registration, computed once for the response. */
  deadlines: ApplicationDeadlines;
}

const zhCN = z.locales.zhCN();

function parseRegistration(registration: ApplicationRegistration) {
  const parsed = applicationRegistrationSchema.safeParse(registration, { error: zhCN.localeError });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}：` : '';
  throw new AppError(
    'INVALID_INPUT',
    `申请登记信息无效：${where}${issue?.message ?? ''}`,
    parsed.error.issues,
  );
}

const optional = (text: string | null | undefined): string | null => {
  const t = text?.trim();
  return t ? t : null;
};

/** The identity document as stored: the number normalised, its type stated or inferred (the schema checked both). */
function identityOf(applicant: { idType?: IdType | undefined; idNumber?: string | null | undefined }): {
  idType: IdType | null;
  idNumber: string | null;
} {
  const number = normaliseIdNumber(applicant.idNumber ?? '');
  if (number === '') return { idType: null, idNumber: null };
  return { idType: applicant.idType ?? inferIdType(number), idNumber: number };
}

/**
 * The deadlines of a new application, and the receipt date they start from (art. 31). A year
 * without an entered arrangement gives 暂定 dates (issue 15); only a date beyond the calendar's
 * bound (2000–2100) leaves the answer date unknown here; a date the rules refuse is an error.
 */
function firstDeadlines(
  application: Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn'>,
  today: IsoDate,
): { receivedOn: IsoDate; deadlines: ApplicationDeadlines } {
  try {
    const result = deadlineOfApplication({ ...application, events: [] }, today);
    return { receivedOn: result.receivedOn, deadlines: { result, note: null } };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'CALENDAR_UNKNOWN') throw error;
    const { receivedOn } = readTimeline(
      parseDeadlineInput({
        channel: application.channel,
        submittedOn: application.submittedOn,
        ...(application.confirmedOn !== null ? { confirmedOn: application.confirmedOn } : {}),
        events: [],
      }),
    );
    return { receivedOn, deadlines: { result: null, note: error.message } };
  }
}

/** What firstDeadlines gave, with the calendar it counted with. */
interface CountedFirstDeadlines {
  calendar: WorkingCalendar;
  value: { receivedOn: IsoDate; deadlines: ApplicationDeadlines };
}

/** The most entries of `recentFirstDeadlines`; past it the map starts afresh. */
const RECENT_FIRST_DEADLINES = 512;

/**
 * firstDeadlines by channel, dates and today. A new application's deadlines depend on nothing
 * else (no events yet) but the active calendar, and the registrations of a day share a handful of
 * channels and dates: computing them is a tenth of a registration's CPU. Values are frozen (each
 * registration gets the same object).
 */
const recentFirstDeadlines = new Map<string, CountedFirstDeadlines>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** firstDeadlines, computed once per channel, dates and today under the active calendar. */
function firstDeadlinesOf(
  application: Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn'>,
  today: IsoDate,
): { receivedOn: IsoDate; deadlines: ApplicationDeadlines } {
  const key = `${application.channel}|${application.submittedOn}|${application.confirmedOn ?? ''}|${today}`;
  const calendar = activeWorkingCalendar();
  const known = recentFirstDeadlines.get(key);
  if (known && known.calendar === calendar) return known.value;
  const value = deepFreeze(firstDeadlines(application, today));
  if (recentFirstDeadlines.size >= RECENT_FIRST_DEADLINES) recentFirstDeadlines.clear();
  recentFirstDeadlines.set(key, { calendar, value });
  return value;
}

/** A registration checked and computed before any database work: what storeRegistrations writes. */
export interface PreparedRegistration {
  agencyId: string;
  actor: Actor;
  now: Moment;
  application: Application;
  deadlines: ApplicationDeadlines;
  followUpCode: string;
  requestedForm: RequestedForm | null;
  applicant: Applicant;
}

/**
 * Validates a registration with the registration route's schema and derives, with the core, the
 * receipt date (art. 31) and the deadlines; no database work, so it runs before any transaction
 * opens. Throws INVALID_INPUT (schema, channel/date rules, dates after today). The tracking number
 * is left empty: storeRegistrations allocates it.
 */
export function prepareRegistration(
  input: RegisterApplicationInput,
  actor: Actor,
  now: Moment,
): PreparedRegistration {
  const { agencyId, ...registration } = input;
  return prepareValidRegistration({ ...parseRegistration(registration), agencyId }, actor, now);
}

/**
 * A registration the registration schema has accepted already (the registration route's body,
 * validated by Fastify with that very schema): parsing it again would give it back unchanged.
 */
export type ValidRegistrationInput = z.output<typeof applicationRegistrationSchema> & { agencyId: string };

/**
 * prepareRegistration of a registration the schema has accepted already: the registration route
 * saves parsing each body twice. Throws INVALID_INPUT (channel/date rules).
 */
export function prepareValidRegistration(
  valid: ValidRegistrationInput,
  actor: Actor,
  now: Moment,
): PreparedRegistration {
  const { agencyId } = valid;
  const confirmedOn = valid.confirmedOn ?? null;
  const { receivedOn, deadlines } = firstDeadlinesOf(
    { channel: valid.channel, submittedOn: valid.submittedOn, confirmedOn },
    now.today,
  );
  return {
    agencyId,
    actor,
    now,
    application: {
      trackingNumber: '',
      channel: valid.channel,
      submittedOn: valid.submittedOn,
      confirmedOn,
      receivedOn,
      applicantType: valid.applicantType,
      description: valid.description,
      events: [],
      status: 'received',
      outcome: null,
      concludedOn: null,
    },
    deadlines,
    followUpCode: newFollowUpCode(),
    requestedForm: valid.requestedForm ?? null,
    applicant: {
      name: valid.applicant.name,
      ...identityOf(valid.applicant),
      phone: optional(valid.applicant.phone),
      address: optional(valid.applicant.address),
      email: optional(valid.applicant.email),
    },
  };
}

/**
 * Stores prepared registrations, of one agency or several, in order: allocates the next tracking
 * numbers of each agency and receipt year atomically in the database, keeps the applicants'
 * personal data apart (applicants table), and audits each registration (without personal data)
 * in its agency's chain. Throws NOT_FOUND (agency).
 */
export async function storeRegistrations(
  trx: StoreTrx,
  registrations: readonly PreparedRegistration[],
): Promise<RegisteredApplication[]> {
  const stored = await insertNumberedApplications(
    trx,
    registrations.map((r) => ({
      agencyId: r.agencyId,
      application: r.application,
      answerDueOn: r.deadlines.result?.answerDue ?? null,
      verificationHash: followUpCodeHash(r.followUpCode),
      requestedForm: r.requestedForm,
      applicant: r.applicant,
      at: r.now.at.toISOString(),
    })),
    (application, i) => {
      const r = registrations[i]!;
      return {
        agencyId: r.agencyId,
        at: r.now.at,
        actor: r.actor,
        entity: 'application',
        entityId: application.id,
        action: 'register',
        before: null,
        after: application,
      };
    },
  );
  return stored.map((application, i) => ({
    application,
    followUpCode: registrations[i]!.followUpCode,
    deadlines: registrations[i]!.deadlines,
  }));
}

/**
 * Registers an application received by an agency: prepareRegistration, then storeRegistrations
 * of that one. Throws INVALID_INPUT (schema, channel/date rules, dates after today), NOT_FOUND
 * (agency).
 */
export async function registerApplication(
  trx: StoreTrx,
  input: RegisterApplicationInput,
  actor: Actor,
  now: Moment,
): Promise<RegisteredApplication> {
  const [registered] = await storeRegistrations(trx, [prepareRegistration(input, actor, now)]);
  return registered!;
}
