import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  APPLICANT_TYPES,
  type ApplicantType,
  type Application,
  type ApplicationEvent,
  applicationEventSchema,
} from '../../core/applications/application.ts';
import { deadlineOfApplication } from '../../core/applications/deadline-of-application.ts';
import { applyEvent } from '../../core/applications/lifecycle.ts';
import { type IsoDate, yearOf } from '../../core/dates.ts';
import { type Channel, parseDeadlineInput } from '../../core/deadlines/deadline-input.ts';
import { readTimeline } from '../../core/deadlines/read-timeline.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { type Actor, appendAudit } from '../audit/audit.repository.ts';
import type { ApplicantsTable, ApplicationsTable, Database } from '../database.ts';
import { isForeignKeyViolation } from '../db-errors.ts';
import { columnsOf, preparedQuery } from '../prepared-query.ts';
import { sameDigest } from '../secrets.ts';
import { followUpCodeHash, newFollowUpCode } from './follow-up-code.ts';
import {
  type Applicant,
  rowToApplication,
  type StoredApplication,
  toCoreApplication,
} from './stored-application.ts';

export interface RegisterApplicationInput {
  agencyId: string;
  channel: Channel;
  submittedOn: IsoDate;
  /** Required for mail-ordinary, online, fax and email (art. 31); refused for the others. */
  confirmedOn?: IsoDate | null;
  applicantType: ApplicantType;
  description: string;
  applicant: {
    name: string;
    idNumber?: string | null;
    phone?: string | null;
    address?: string | null;
    email?: string | null;
  };
}

export interface RegisteredApplication {
  application: StoredApplication;
  /**
   * The applicant's follow-up code (e.g. "K7QM-2XRD-9PWA-H3TZ"), shown once with the tracking
   * number: with both the applicant can follow the case. Only its SHA-256 is stored.
   */
  followUpCode: string;
}

export const CONFLICT_MESSAGE = '该申请已被他人修改，请刷新后重试';

/** The answer deadline, or null when unknown; a year the holiday calendar lacks is not an error here. */
function answerDueOf(application: Application, today: IsoDate): IsoDate | null {
  try {
    return deadlineOfApplication(application, today).answerDue;
  } catch (error) {
    if (isAppError(error) && error.code === 'CALENDAR_UNKNOWN') return null;
    throw error;
  }
}

const optional = (text: string | null | undefined): string | null => {
  const t = text?.trim();
  return t ? t : null;
};

function checkInput(input: RegisterApplicationInput): void {
  if (!APPLICANT_TYPES.includes(input.applicantType)) {
    throw new AppError('INVALID_INPUT', `申请人类型无效：应为 ${APPLICANT_TYPES.join('、')} 之一`);
  }
  const description = input.description.trim();
  if (description === '')
    throw new AppError('INVALID_INPUT', '申请公开的政府信息内容描述不能为空（条例第二十九条）');
  if (description.length > 10_000) throw new AppError('INVALID_INPUT', '内容描述过长（最多10000字）');
  const name = input.applicant.name.trim();
  if (name === '' || name.length > 200)
    throw new AppError('INVALID_INPUT', '申请人姓名或名称应为1至200个字符');
}

/**
 * Registers an application received by an agency. Derives the receipt date (art. 31) with the
 * core, allocates the next tracking number of the agency and receipt year atomically in the
 * database, keeps the applicant's personal data apart (applicants table), and audits the
 * registration (without personal data). Throws INVALID_INPUT (channel/date rules, dates after
 * today, empty description or name), NOT_FOUND (agency).
 */
// Registration runs these for every application: compiled once (see preparedQuery).
const nextTrackingNumber = preparedQuery<{ agency_id: string; year: number }, { last_number: number }>(
  ['agency_id', 'year'],
  (db, p) =>
    db
      .insertInto('tracking_counters')
      .values({ agency_id: p.agency_id, year: p.year, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet({ last_number: sql`tracking_counters.last_number + 1` }),
      )
      .returning('last_number'),
);

const insertApplication = preparedQuery<ApplicationsTable, never>(
  columnsOf<ApplicationsTable>({
    id: true,
    agency_id: true,
    year: true,
    tracking_number: true,
    channel: true,
    submitted_on: true,
    confirmed_on: true,
    received_on: true,
    applicant_type: true,
    description: true,
    status: true,
    outcome: true,
    concluded_on: true,
    events_json: true,
    answer_due_on: true,
    verification_hash: true,
    version: true,
    created_at: true,
    updated_at: true,
  }),
  (db, row) => db.insertInto('applications').values(row),
);

const insertApplicant = preparedQuery<ApplicantsTable, never>(
  columnsOf<ApplicantsTable>({
    application_id: true,
    name: true,
    id_number: true,
    phone: true,
    address: true,
    email: true,
  }),
  (db, row) => db.insertInto('applicants').values(row),
);

export async function registerApplication(
  trx: Transaction<Database>,
  input: RegisterApplicationInput,
  actor: Actor,
  now: Moment,
): Promise<RegisteredApplication> {
  checkInput(input);
  const confirmedOn = input.confirmedOn ?? null;
  const { receivedOn } = readTimeline(
    parseDeadlineInput({
      channel: input.channel,
      submittedOn: input.submittedOn,
      ...(confirmedOn !== null ? { confirmedOn } : {}),
      events: [],
    }),
  );
  const year = yearOf(receivedOn);
  // One statement, atomic on both dialects: the first registration of the year inserts 1; the
  // others increment under the counter row's lock (PostgreSQL) or the write lock (SQLite), held
  // to the end of the transaction, so no two transactions can get the same number. It is also
  // the first write, so an unknown agency fails here on the foreign key, before anything is written.
  const [counter] = await nextTrackingNumber(trx, { agency_id: input.agencyId, year }).catch(
    (error: unknown) => {
      throw isForeignKeyViolation(error) ? new AppError('NOT_FOUND', '机关不存在') : error;
    },
  );
  if (!counter) throw new Error('tracking counter: no row returned');
  const trackingNumber = `${year}-${String(counter.last_number).padStart(4, '0')}`;

  const core: Application = {
    trackingNumber,
    channel: input.channel,
    submittedOn: input.submittedOn,
    confirmedOn,
    receivedOn,
    applicantType: input.applicantType,
    description: input.description.trim(),
    events: [],
    status: 'received',
    outcome: null,
    concludedOn: null,
  };
  const followUpCode = newFollowUpCode();
  const at = now.at.toISOString();
  const row: ApplicationsTable = {
    id: randomUUID(),
    agency_id: input.agencyId,
    year,
    tracking_number: trackingNumber,
    channel: core.channel,
    submitted_on: core.submittedOn,
    confirmed_on: core.confirmedOn,
    received_on: core.receivedOn,
    applicant_type: core.applicantType,
    description: core.description,
    status: core.status,
    outcome: null,
    concluded_on: null,
    events_json: '[]',
    answer_due_on: answerDueOf(core, now.today),
    verification_hash: followUpCodeHash(followUpCode),
    version: 1,
    created_at: at,
    updated_at: at,
  };
  await insertApplication(trx, row);
  await insertApplicant(trx, {
    application_id: row.id,
    name: input.applicant.name.trim(),
    id_number: optional(input.applicant.idNumber),
    phone: optional(input.applicant.phone),
    address: optional(input.applicant.address),
    email: optional(input.applicant.email),
  });
  const application = rowToApplication(row);
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'application',
    entityId: row.id,
    action: 'register',
    before: null,
    after: application,
  });
  return { application, followUpCode };
}

/** The agency's application, or null (also when it belongs to another agency). */
export async function getApplication(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<StoredApplication | null> {
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row ? rowToApplication(row) : null;
}

/** The applicant's personal data, for the handling agency only: null for any other agency. */
export async function getApplicant(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<Applicant | null> {
  const row = await db
    .selectFrom('applicants')
    .innerJoin('applications', 'applications.id', 'applicants.application_id')
    .select([
      'applicants.name',
      'applicants.id_number',
      'applicants.phone',
      'applicants.address',
      'applicants.email',
    ])
    .where('applications.id', '=', id)
    .where('applications.agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    name: row.name,
    idNumber: row.id_number,
    phone: row.phone,
    address: row.address,
    email: row.email,
  };
}

/** The application an applicant follows with tracking number and follow-up code; null when either is wrong. */
export async function findApplicationByFollowUp(
  db: Kysely<Database>,
  agencyId: string,
  trackingNumber: string,
  followUpCode: string,
): Promise<StoredApplication | null> {
  const row = await db
    .selectFrom('applications')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('tracking_number', '=', trackingNumber.trim())
    .executeTakeFirst();
  const given = followUpCodeHash(followUpCode);
  if (!row?.verification_hash || !sameDigest(row.verification_hash, given)) return null;
  return rowToApplication(row);
}

function parseEvent(event: unknown): ApplicationEvent {
  const parsed = applicationEventSchema.safeParse(event);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}：` : '';
  throw new AppError('INVALID_INPUT', `办理步骤无效：${where}${issue?.message ?? ''}`, parsed.error.issues);
}

/**
 * Records one procedural event: loads the agency's application, lets the core's applyEvent decide,
 * and saves only if nobody saved since `expectedVersion` (the UPDATE's WHERE version = …; on
 * PostgreSQL a concurrent save makes it match no row once the other commits). Audits before and
 * after. Throws NOT_FOUND, CONFLICT (stale version, or the event the procedure does not allow),
 * INVALID_INPUT (malformed event, or one that makes the deadlines incoherent).
 */
export async function applyApplicationEvent(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  event: ApplicationEvent,
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<StoredApplication> {
  const valid = parseEvent(event);
  const before = await getApplication(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '申请不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  const next = applyEvent(toCoreApplication(before), valid, now.today);
  const at = now.at.toISOString();
  const answerDueOn = answerDueOf(next, now.today);
  const result = await trx
    .updateTable('applications')
    .set({
      status: next.status,
      outcome: next.outcome,
      concluded_on: next.concludedOn,
      events_json: JSON.stringify(next.events),
      answer_due_on: answerDueOn,
      version: expectedVersion + 1,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  const after: StoredApplication = {
    ...before,
    ...next,
    answerDueOn,
    version: expectedVersion + 1,
    updatedAt: at,
  };
  await appendAudit(trx, {
    at: now.at,
    actor,
    entity: 'application',
    entityId: id,
    action: `event:${valid.type}`,
    before,
    after,
  });
  return after;
}
