import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { APPLICANT_TYPES, type ApplicantType } from '../../src/core/applications/application.ts';
import { addDays, type IsoDate } from '../../src/core/dates.ts';
import { TABLE3_OUTCOME_KEYS, type Table3RowKey } from '../../src/core/report/labels.ts';
import type { ApplicationsTable, Database } from '../../src/store/database.ts';
import { prng } from './generate-report.ts';

/** What table 三 depends on, kept in memory so that a test can count it by hand. */
export interface ApplicationFacts {
  applicantType: ApplicantType;
  receivedOn: IsoDate;
  concludedOn: IsoDate | null;
  outcome: Table3RowKey | null;
}

export interface InsertApplicationsOptions {
  agencyId: string;
  count: number;
  seed: number;
  /** Receipts are spread over [from, from + days). */
  from: IsoDate;
  days: number;
}

/**
 * Inserts `count` application rows with random applicant type, receipt day, and (for four in five)
 * a conclusion with a random outcome up to 200 days later — straight into the table, in batches,
 * for volume (tests of the aggregation and the bench; the procedure itself is tested elsewhere).
 * No applicants rows: table 三 reads none.
 */
export async function insertRandomApplications(
  db: Kysely<Database>,
  options: InsertApplicationsOptions,
): Promise<ApplicationFacts[]> {
  const random = prng(options.seed);
  const facts: ApplicationFacts[] = [];
  const rows: ApplicationsTable[] = [];
  const tag = randomUUID().slice(0, 8);
  for (let i = 0; i < options.count; i += 1) {
    const receivedOn = addDays(options.from, Math.floor(random() * options.days));
    const concluded = random() < 0.8;
    const concludedOn = concluded ? addDays(receivedOn, Math.floor(random() * 200)) : null;
    const outcome = concluded
      ? TABLE3_OUTCOME_KEYS[Math.floor(random() * TABLE3_OUTCOME_KEYS.length)]!
      : null;
    const applicantType = APPLICANT_TYPES[Math.floor(random() * APPLICANT_TYPES.length)]!;
    facts.push({ applicantType, receivedOn, concludedOn, outcome });
    rows.push({
      id: randomUUID(),
      agency_id: options.agencyId,
      year: Number(receivedOn.slice(0, 4)),
      tracking_number: `${tag}-${i}`,
      channel: 'in-person',
      submitted_on: receivedOn,
      confirmed_on: null,
      received_on: receivedOn,
      applicant_type: applicantType,
      description: '批量测试申请',
      status: concluded ? 'concluded' : 'received',
      outcome,
      concluded_on: concludedOn,
      events_json: '[]',
      answer_due_on: null,
      verification_hash: null,
      requested_form_json: null,
      version: 1,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('applications')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  return facts;
}

/**
 * Table 三 of a year counted by hand from the facts, written independently of the store's SQL and
 * of the core's assembleTable3: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计] per row.
 */
export function handCountTable3(facts: readonly ApplicationFacts[], year: number): Record<string, number[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table: Record<string, number[]> = {};
  const bump = (row: string, column: number) => {
    table[row] ??= [0, 0, 0, 0, 0, 0, 0];
    table[row][column]! += 1;
    table[row][6]! += 1;
  };
  for (const f of facts) {
    if (f.receivedOn > end) continue; // not yet received
    if (f.concludedOn !== null && f.concludedOn < start) continue; // done in an earlier year
    const column = APPLICANT_TYPES.indexOf(f.applicantType);
    bump(f.receivedOn >= start ? 'newReceived' : 'carriedOver', column);
    if (f.concludedOn !== null && f.concludedOn <= end) {
      bump(f.outcome!, column);
      bump('totalConcluded', column);
    } else {
      bump('carriedForward', column);
    }
  }
  return table;
}
