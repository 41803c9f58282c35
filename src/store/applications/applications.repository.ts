import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { IdType } from '../../core/applications/applicant-identity.ts';
import type { Application } from '../../core/applications/application.ts';
import type { RequestedForm } from '../../core/applications/registration-input.ts';
import { type IsoDate, yearOf } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { getAgencyRecord, updateAgencyRowAtVersion } from '../agency-row.ts';
import type { ApplicantsTable, ApplicationsTable, Database, TrackingCountersTable } from '../database.ts';
import { isForeignKeyViolation } from '../db-errors.ts';
import { dialectOf } from '../dialect.ts';
import { columnsOf, preparedQuery } from '../prepared-query.ts';
import { sameDigest } from '../secrets.ts';
import { followUpCodeHash } from './follow-up-code.ts';
import { type Applicant, rowToApplication, type StoredApplication } from './stored-application.ts';

// Registration runs these for every application: compiled once (see preparedQuery).
const takeTrackingNumbers = preparedQuery<TrackingCountersTable, { last_number: number }>(
  ['agency_id', 'year', 'last_number'],
  (db, p) =>
    db
      .insertInto('tracking_counters')
      .values(p)
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet({ last_number: sql`tracking_counters.last_number + excluded.last_number` }),
      )
      .returning('last_number'),
);

export const APPLICATION_COLUMNS = columnsOf<ApplicationsTable>({
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
  requested_form_json: true,
  version: true,
  created_at: true,
  updated_at: true,
});

export const APPLICANT_COLUMNS = columnsOf<ApplicantsTable>({
  application_id: true,
  name: true,
  id_type: true,
  id_number: true,
  phone: true,
  address: true,
  email: true,
});

const pick = <T>(row: T, columns: ReadonlyArray<keyof T & string>): T =>
  Object.fromEntries(columns.map((c) => [c, row[c]])) as T;

const insertApplicationRow = preparedQuery<ApplicationsTable, never>(APPLICATION_COLUMNS, (db, row) =>
  db.insertInto('applications').values(row),
);

const insertApplicant = preparedQuery<ApplicantsTable, never>(APPLICANT_COLUMNS, (db, row) =>
  db.insertInto('applicants').values(row),
);

/**
 * PostgreSQL: an application and its applicant in one statement (the two tables share no column
 * name, so one parameter object holds both rows; the applicant's foreign key is checked at the end
 * of the statement).
 */
const insertApplicationAndApplicant = preparedQuery<ApplicationsTable & ApplicantsTable, never>(
  [...APPLICATION_COLUMNS, ...APPLICANT_COLUMNS],
  (db, p) =>
    db
      .with('inserted', (w) =>
        w.insertInto('applications').values(pick<ApplicationsTable>(p, APPLICATION_COLUMNS)),
      )
      .insertInto('applicants')
      .values(pick<ApplicantsTable>(p, APPLICANT_COLUMNS)),
);

/**
 * The next `count` tracking numbers of the agency and year ("2025-0042", "2025-0043"…), in order.
 * One statement, atomic on both dialects: the first registrations of the year insert the counter
 * at `count`; the others add `count` under the counter row's lock (PostgreSQL) or the write lock
 * (SQLite), held to the end of the transaction, so no two transactions can get the same number
 * and a rolled-back transaction leaves no gap. An unknown agency fails here on the foreign key
 * (NOT_FOUND).
 */
export async function allocateTrackingNumbers(
  trx: Transaction<Database>,
  agencyId: string,
  year: number,
  count: number,
): Promise<string[]> {
  const [counter] = await takeTrackingNumbers(trx, { agency_id: agencyId, year, last_number: count }).catch(
    (error: unknown) => {
      throw isForeignKeyViolation(error) ? new AppError('NOT_FOUND', '机关不存在') : error;
    },
  );
  if (!counter) throw new Error('tracking counter: no row returned');
  return trackingNumbersUpTo(year, Number(counter.last_number), count);
}

/** The `count` tracking numbers of `year` ending with the counter's new value `last` ("2025-0042"…), in order. */
export function trackingNumbersUpTo(year: number, last: number, count: number): string[] {
  const first = last - count + 1;
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(4, '0')}`);
}

/** The next tracking number of the agency and year: allocateTrackingNumbers of one. */
export async function allocateTrackingNumber(
  trx: Transaction<Database>,
  agencyId: string,
  year: number,
): Promise<string> {
  const [number] = await allocateTrackingNumbers(trx, agencyId, year, 1);
  return number!;
}

export interface NewApplication {
  agencyId: string;
  application: Application;
  answerDueOn: IsoDate | null;
  /** SHA-256 of the applicant's follow-up code (the code itself is never stored). */
  verificationHash: string;
  requestedForm: RequestedForm | null;
  applicant: Applicant;
  /** ISO instant of registration. */
  at: string;
}

/** Inserts a registered application (version 1) and, apart, its applicant's personal data. */
export async function insertApplication(
  trx: Transaction<Database>,
  input: NewApplication,
): Promise<StoredApplication> {
  const [stored] = await insertApplications(trx, [input]);
  return stored!;
}

/**
 * Inserts registered applications (version 1) and their applicants' personal data: one statement
 * per table, or on PostgreSQL one for both.
 */
export async function insertApplications(
  trx: Transaction<Database>,
  inputs: readonly NewApplication[],
): Promise<StoredApplication[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map(applicationRow);
  await insertApplicationRows(
    trx,
    rows,
    inputs.map((input, i) => applicantRow(rows[i]!.id, input.applicant)),
  );
  return rows.map(rowToApplication);
}

/**
 * Inserts application rows and their applicants' rows (in the same order): one statement per
 * table, or on PostgreSQL one for both; a single application through statements compiled once.
 */
export async function insertApplicationRows(
  trx: Transaction<Database>,
  rows: readonly ApplicationsTable[],
  applicants: readonly ApplicantsTable[],
): Promise<void> {
  if (rows.length === 0) return;
  const postgres = dialectOf(trx) === 'postgres';
  if (rows.length === 1 && postgres) {
    await insertApplicationAndApplicant(trx, { ...rows[0]!, ...applicants[0]! });
  } else if (rows.length === 1) {
    await insertApplicationRow(trx, rows[0]!);
    await insertApplicant(trx, applicants[0]!);
  } else if (postgres) {
    // The applicants' foreign key is checked at the end of the statement, after both inserts.
    await trx
      .with('inserted', (w) => w.insertInto('applications').values([...rows]))
      .insertInto('applicants')
      .values([...applicants])
      .execute();
  } else {
    await trx
      .insertInto('applications')
      .values([...rows])
      .execute();
    await trx
      .insertInto('applicants')
      .values([...applicants])
      .execute();
  }
}

/** The row of a new application (version 1, a new id). */
export function applicationRow(input: NewApplication): ApplicationsTable {
  const core = input.application;
  return {
    id: randomUUID(),
    agency_id: input.agencyId,
    year: yearOf(core.receivedOn),
    tracking_number: core.trackingNumber,
    channel: core.channel,
    submitted_on: core.submittedOn,
    confirmed_on: core.confirmedOn,
    received_on: core.receivedOn,
    applicant_type: core.applicantType,
    description: core.description,
    status: core.status,
    outcome: core.outcome,
    concluded_on: core.concludedOn,
    events_json: JSON.stringify(core.events),
    answer_due_on: input.answerDueOn,
    verification_hash: input.verificationHash,
    requested_form_json: input.requestedForm ? JSON.stringify(input.requestedForm) : null,
    version: 1,
    created_at: input.at,
    updated_at: input.at,
  };
}

/** The applicant's row of an application. */
export function applicantRow(applicationId: string, applicant: Applicant): ApplicantsTable {
  return {
    application_id: applicationId,
    name: applicant.name,
    id_type: applicant.idType,
    id_number: applicant.idNumber,
    phone: applicant.phone,
    address: applicant.address,
    email: applicant.email,
  };
}

/** The agency's application, or null (also when it belongs to another agency). */
export async function getApplication(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<StoredApplication | null> {
  return getAgencyRecord(db, 'applications', agencyId, id, rowToApplication);
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
      'applicants.id_type',
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
    idType: row.id_type as IdType | null,
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

/**
 * Saves an application's new state if nobody saved it since `expectedVersion` (the UPDATE's
 * WHERE version = …; on PostgreSQL a concurrent save makes it match no row once the other
 * commits). False when the version was stale (or the application is not the agency's).
 */
export async function updateApplicationState(
  trx: Transaction<Database>,
  agencyId: string,
  id: string,
  expectedVersion: number,
  next: Pick<Application, 'status' | 'outcome' | 'concludedOn' | 'events'> & { answerDueOn: IsoDate | null },
  at: string,
): Promise<boolean> {
  const values = {
    status: next.status,
    outcome: next.outcome,
    concluded_on: next.concludedOn,
    events_json: JSON.stringify(next.events),
    answer_due_on: next.answerDueOn,
  };
  return updateAgencyRowAtVersion(trx, 'applications', agencyId, id, expectedVersion, values, at);
}
