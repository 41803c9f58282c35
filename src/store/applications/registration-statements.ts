import { CompiledQuery, type Transaction } from 'kysely';
import { AUDIT_COLUMNS } from '../audit/audit.repository.ts';
import type { ApplicantsTable, ApplicationsTable, AuditLogTable, Database } from '../database.ts';
import { namedStatement } from '../named-statements.ts';
import { APPLICANT_COLUMNS, APPLICATION_COLUMNS } from './applications.repository.ts';

/**
 * The two PostgreSQL statements of a registration group (insertNumberedApplications), each one SQL
 * text whatever the number of applications, agencies and chains: the rows travel as one JSON
 * parameter per table and PostgreSQL turns them into rows of the table's own column types
 * (json_populate_recordset). Nothing is built or compiled per group, the parameters are a few
 * strings instead of twenty per application, and PostgreSQL parses one text again and again
 * instead of a new one for each group size; once per connection, as named prepared statements.
 */

/** One counter's take: `last_number` is how many numbers to take (the count added to the counter). */
export interface CounterTakeRow {
  agency_id: string;
  year: number;
  last_number: number;
}

/** A row of the first statement's result: a locked head (chain set) or a counter's new value (agency_id set). */
export interface LockedRow {
  chain: string | null;
  agency_id: string | null;
  year: number | null;
  n: number;
  hash: string | null;
}

/**
 * The heads of `$1` (text[]) locked in chain order (the count over them is computed before the
 * first counter row is written, so every head is locked first), then each counter of `$2` (JSON
 * array of CounterTakeRow, in agency-year order) incremented under its row's lock, inserted at its
 * count the first time.
 */
const LOCK_HEADS_AND_TAKE_NUMBERS = namedStatement(`with heads as (
  select chain, last_seq, last_hash from audit_chains
  where chain = any($1::text[]) order by chain for update
), counters as (
  insert into tracking_counters (agency_id, year, last_number)
  select v.agency_id, v.year, v.last_number
  from json_to_recordset($2::json) as v(agency_id text, year integer, last_number integer)
  where (select count(*) from heads) >= 0
  on conflict (agency_id, year) do update set last_number = tracking_counters.last_number + excluded.last_number
  returning agency_id, year, last_number
)
select chain, null as agency_id, null::integer as year, last_seq as n, last_hash as hash from heads
union all
select null, agency_id, year, last_number, null from counters`);

export async function lockHeadsAndTakeNumbersStatement(
  trx: Transaction<Database>,
  chains: readonly string[],
  counters: readonly CounterTakeRow[],
): Promise<LockedRow[]> {
  const result = await trx.executeQuery<LockedRow>(
    CompiledQuery.raw(LOCK_HEADS_AND_TAKE_NUMBERS, [chains, JSON.stringify(counters)]),
  );
  return result.rows;
}

const list = (columns: readonly string[]) => columns.join(', ');

/** Inserts the rows of a table given as a JSON array (parameter `$n`) of its row objects. */
const insertFromJson = (table: string, columns: readonly string[], n: number) =>
  `insert into ${table} (${list(columns)}) select ${list(columns)} from json_populate_recordset(null::${table}, $${n}::json)`;

/**
 * The applications, their applicants and their audit entries inserted, and each chain's head moved
 * to its last entry, in one statement (foreign keys, applicants → applications, are checked at its
 * end).
 */
const INSERT_GROUP = namedStatement(`with applications_inserted as (
  ${insertFromJson('applications', APPLICATION_COLUMNS, 1)}
), applicants_inserted as (
  ${insertFromJson('applicants', APPLICANT_COLUMNS, 2)}
), audit_inserted as (
  ${insertFromJson('audit_log', AUDIT_COLUMNS, 3)}
)
update audit_chains set last_seq = h.seq, last_hash = h.hash
from json_to_recordset($4::json) as h(chain text, seq bigint, hash text)
where audit_chains.chain = h.chain`);

export async function insertGroupStatement(
  trx: Transaction<Database>,
  rows: readonly ApplicationsTable[],
  applicants: readonly ApplicantsTable[],
  auditRows: readonly AuditLogTable[],
  lastOfChain: readonly AuditLogTable[],
): Promise<void> {
  await trx.executeQuery(
    CompiledQuery.raw(INSERT_GROUP, [
      JSON.stringify(rows),
      JSON.stringify(applicants),
      JSON.stringify(auditRows),
      JSON.stringify(lastOfChain.map((r) => ({ chain: r.chain, seq: r.seq, hash: r.hash }))),
    ]),
  );
}
