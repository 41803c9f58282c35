import type { Transaction } from 'kysely';
import { yearOf } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import {
  type AuditEntryInput,
  type AuditHead,
  advanceAuditHead,
  createMissingAuditHeads,
  insertAuditRows,
  linkAuditRows,
  lockedHead,
} from '../audit/audit.repository.ts';
import { chainOf } from '../audit/audit-hash.ts';
import type { AuditLogTable, Database } from '../database.ts';
import { isForeignKeyViolation } from '../db-errors.ts';
import { dialectOf } from '../dialect.ts';
import {
  allocateTrackingNumbers,
  applicantRow,
  applicationRow,
  insertApplicationRows,
  type NewApplication,
  trackingNumbersUpTo,
} from './applications.repository.ts';
import { insertGroupStatement, lockHeadsAndTakeNumbersStatement } from './registration-statements.ts';
import { rowToApplication, type StoredApplication } from './stored-application.ts';

/** How many numbers a group takes from one agency-year counter. */
interface CounterTake {
  agencyId: string;
  year: number;
  count: number;
}

const counterKey = (agencyId: string, year: number) => `${agencyId}\u0000${year}`;

/**
 * Stores new applications (their `application.trackingNumber` ignored), of one agency or several, in the caller's transaction: the next
 * tracking numbers of each agency-year in order (gap- and duplicate-free: the counters' rows stay
 * locked until the transaction ends), the applications and their applicants, and one audit entry
 * each, made by `auditOf` from the stored application and its index in `inputs`, appended to its agency's chain. Returns the
 * stored applications, in the order given. Throws NOT_FOUND (an agency).
 *
 * On PostgreSQL this is two statements whatever the number of applications and agencies: the
 * first locks the chain heads (in chain order) and then takes the counters (in agency-year order),
 * so that two writers always lock in the same order; the second inserts the applications, the
 * applicants and the audit entries and moves the heads. Each round trip while the locks are held
 * is time every other registration of those agencies waits.
 */
export async function insertNumberedApplications(
  trx: Transaction<Database>,
  inputs: readonly NewApplication[],
  auditOf: (stored: StoredApplication, index: number) => AuditEntryInput,
): Promise<StoredApplication[]> {
  if (inputs.length === 0) return [];
  const chains = [...new Set(inputs.map((i) => chainOf(i.agencyId)))].sort();
  const takes = new Map<string, CounterTake>();
  for (const input of inputs) {
    const year = yearOf(input.application.receivedOn);
    const key = counterKey(input.agencyId, year);
    const take = takes.get(key) ?? { agencyId: input.agencyId, year, count: 0 };
    take.count += 1;
    takes.set(key, take);
  }
  const counters = [...takes.values()].sort((a, b) =>
    a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : a.year - b.year,
  );
  const postgres = dialectOf(trx) === 'postgres';
  const { heads, numbers } = postgres
    ? await lockHeadsAndTakeNumbers(trx, chains, counters)
    : await lockHeadsAndTakeNumbersOneByOne(trx, chains, counters);

  const rows = inputs.map((input) => {
    const key = counterKey(input.agencyId, yearOf(input.application.receivedOn));
    const trackingNumber = numbers.get(key)!.shift()!;
    return applicationRow({ ...input, application: { ...input.application, trackingNumber } });
  });
  const applicants = inputs.map((input, i) => applicantRow(rows[i]!.id, input.applicant));
  const stored = rows.map((row, index) => ({ row, index, application: rowToApplication(row) }));
  const auditRows: AuditLogTable[] = [];
  const lastOfChain = new Map<string, AuditLogTable>();
  for (const chain of chains) {
    const ofChain = stored.filter((s) => chainOf(s.row.agency_id) === chain);
    const entries = ofChain.map((s) => {
      const entry = auditOf(s.application, s.index);
      if (chainOf(entry.agencyId) !== chain)
        throw new Error('insertNumberedApplications: audit of another agency');
      return entry;
    });
    const linked = linkAuditRows(chain, heads.get(chain)!, entries);
    auditRows.push(...linked);
    lastOfChain.set(chain, linked[linked.length - 1]!);
  }

  if (postgres) {
    await insertGroupStatement(trx, rows, applicants, auditRows, [...lastOfChain.values()]);
  } else {
    await insertApplicationRows(trx, rows, applicants);
    await insertAuditRows(trx, auditRows);
    for (const [chain, last] of lastOfChain) await advanceAuditHead(trx, chain, last.seq, last.hash);
  }
  return stored.map((s) => s.application);
}

/**
 * Chains whose head this process has seen committed (heads are never deleted: a trigger refuses
 * it), whose creation can be skipped.
 */
const chainsWithHead = new Set<string>();

interface Locked {
  heads: Map<string, AuditHead>;
  numbers: Map<string, string[]>;
}

/** SQLite: the transaction holds the database's write lock; each statement is a call, not a round trip. */
async function lockHeadsAndTakeNumbersOneByOne(
  trx: Transaction<Database>,
  chains: readonly string[],
  counters: readonly CounterTake[],
): Promise<Locked> {
  const heads = new Map<string, AuditHead>();
  for (const chain of chains) heads.set(chain, await lockedHead(trx, chain));
  const numbers = new Map<string, string[]>();
  for (const c of counters) {
    numbers.set(
      counterKey(c.agencyId, c.year),
      await allocateTrackingNumbers(trx, c.agencyId, c.year, c.count),
    );
  }
  return { heads, numbers };
}

/**
 * PostgreSQL, one statement (lockHeadsAndTakeNumbersStatement): the heads of `chains` locked in
 * chain order, then each counter incremented under its row's lock. Heads this
 * process has not seen yet are first created if missing (createMissingAuditHeads), so that the
 * statement finds every head to lock.
 */
async function lockHeadsAndTakeNumbers(
  trx: Transaction<Database>,
  chains: readonly string[],
  counters: readonly CounterTake[],
): Promise<Locked> {
  const missing = chains.filter((chain) => !chainsWithHead.has(chain));
  if (missing.length > 0) await createMissingAuditHeads(trx, missing);
  const rows = await lockHeadsAndTakeNumbersStatement(
    trx,
    chains,
    counters.map((c) => ({ agency_id: c.agencyId, year: c.year, last_number: c.count })),
  ).catch((error: unknown) => {
    throw isForeignKeyViolation(error) ? new AppError('NOT_FOUND', '机关不存在') : error;
  });
  const heads = new Map<string, AuditHead>();
  const numbers = new Map<string, string[]>();
  for (const row of rows) {
    if (row.chain !== null) {
      heads.set(row.chain, { last_seq: Number(row.n), last_hash: row.hash! });
      // A head at seq 0 may be this transaction's own, not committed yet (createMissingAuditHeads):
      // one that has moved was committed by whoever moved it.
      if (Number(row.n) > 0) chainsWithHead.add(row.chain);
    } else {
      const take = counters.find((c) => c.agencyId === row.agency_id && c.year === Number(row.year))!;
      numbers.set(
        counterKey(take.agencyId, take.year),
        trackingNumbersUpTo(take.year, Number(row.n), take.count),
      );
    }
  }
  if (numbers.size !== counters.length) throw new Error('tracking counters: a row not returned');
  // Only when a head known to this process is missing from this database (not in production,
  // where heads are never deleted): locked late, so a deadlock is possible, which PostgreSQL breaks.
  for (const chain of chains) {
    if (heads.has(chain)) continue;
    chainsWithHead.delete(chain);
    heads.set(chain, await lockedHead(trx, chain));
  }
  return { heads, numbers };
}
