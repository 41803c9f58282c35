import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import { dialectOf, type StoreDb } from '../../store/dialect.ts';
import {
  type PreparedRegistration,
  prepareRegistration,
  prepareValidRegistration,
  type RegisterApplicationInput,
  type RegisteredApplication,
  storeRegistrations,
  type ValidRegistrationInput,
} from './register-application.ts';

/** The most registrations one transaction stores (a bound on its statements and on what a failure retries). */
export const MAX_GROUP = 64;

/**
 * The most registrations of one agency that may wait for the transaction in flight (beyond the group
 * being stored): past it a registration is refused at once with 429 instead of queueing without end
 * (the public apply form reaches this without logging in).
 */
export const MAX_WAITING = 1000;

interface Waiting {
  registration: PreparedRegistration;
  resolve(registered: RegisteredApplication): void;
  reject(error: unknown): void;
}

/** Per database: the registrations waiting for the transaction in flight to end, and how many of each agency. */
interface Queue {
  waiting: Waiting[];
  waitingOf: Map<string, number>;
}

const queues = new WeakMap<StoreDb, Queue>();

/**
 * Registers an application in its own transaction, or on PostgreSQL together with others (group
 * commit). Registrations of one agency are serialised anyway — the audit chain's head and the
 * tracking counter stay locked until the commit, whose WAL flush is most of the time on
 * PostgreSQL — and each transaction costs round trips and a flush whatever it holds: so those
 * arriving while a transaction is in flight wait for it to end and then go in the next one
 * together, whatever their agencies: one statement to lock the heads and take the numbers, one to
 * write, one commit for all. Nothing waits on a timer: a registration arriving when none is in
 * flight starts at once. Each caller gets its own result or error only once its transaction has
 * committed or failed; when a group fails, each of its registrations is retried alone, so one bad
 * registration (or a lost connection) fails no other. Throws what registerApplication throws, and
 * TOO_MANY_REQUESTS when `maxWaiting` registrations of the agency already wait.
 */
export function registerApplicationInGroup(
  db: StoreDb,
  input: RegisterApplicationInput,
  actor: Actor,
  now: Moment,
  maxWaiting = MAX_WAITING,
): Promise<RegisteredApplication> {
  let registration: PreparedRegistration;
  try {
    registration = prepareRegistration(input, actor, now);
  } catch (error) {
    return Promise.reject(error);
  }
  return enqueue(db, registration, maxWaiting);
}

/**
 * registerApplicationInGroup of a registration the registration schema has accepted already (the
 * registration route's body): not parsed a second time.
 */
export function registerValidApplicationInGroup(
  db: StoreDb,
  input: ValidRegistrationInput,
  actor: Actor,
  now: Moment,
): Promise<RegisteredApplication> {
  let registration: PreparedRegistration;
  try {
    registration = prepareValidRegistration(input, actor, now);
  } catch (error) {
    return Promise.reject(error);
  }
  return enqueue(db, registration, MAX_WAITING);
}

function enqueue(
  db: StoreDb,
  registration: PreparedRegistration,
  maxWaiting: number,
): Promise<RegisteredApplication> {
  const { agencyId } = registration;
  // SQLite commits without a flush to disk (WAL, synchronous=NORMAL) and runs one transaction at a
  // time anyway: nothing to share, each registration is its own transaction.
  if (dialectOf(db) === 'sqlite') return store(db, [registration]).then(([registered]) => registered!);
  const existing = queues.get(db);
  return new Promise((resolve, reject) => {
    const entry = { registration, resolve, reject };
    if (existing) {
      const count = existing.waitingOf.get(agencyId) ?? 0;
      if (count >= maxWaiting) {
        reject(new AppError('TOO_MANY_REQUESTS', '该机关正在登记的申请过多，请稍后重试'));
        return;
      }
      existing.waitingOf.set(agencyId, count + 1);
      existing.waiting.push(entry);
      return;
    }
    const queue: Queue = { waiting: [], waitingOf: new Map() };
    queues.set(db, queue);
    void drain(db, queue, [entry]);
  });
}

/**
 * Stores `first`, then the queue's registrations a group at a time until it is empty, then
 * removes the queue in the same step as finding it empty (so no registration can join a queue
 * nobody drains any more).
 */
async function drain(db: StoreDb, queue: Queue, first: Waiting[]): Promise<void> {
  let group = first;
  while (group.length > 0) {
    await storeGroup(db, group);
    group = queue.waiting.splice(0, MAX_GROUP);
    for (const w of group) {
      const agencyId = w.registration.agencyId;
      const left = queue.waitingOf.get(agencyId)! - 1;
      if (left === 0) queue.waitingOf.delete(agencyId);
      else queue.waitingOf.set(agencyId, left);
    }
  }
  queues.delete(db);
}

async function storeGroup(db: StoreDb, group: Waiting[]): Promise<void> {
  try {
    const registered = await store(
      db,
      group.map((w) => w.registration),
    );
    for (const [i, w] of group.entries()) w.resolve(registered[i]!);
    return;
  } catch (error) {
    if (group.length === 1) {
      group[0]!.reject(error);
      return;
    }
  }
  for (const w of group) {
    try {
      const [registered] = await store(db, [w.registration]);
      w.resolve(registered!);
    } catch (error) {
      w.reject(error);
    }
  }
}

function store(db: StoreDb, registrations: PreparedRegistration[]): Promise<RegisteredApplication[]> {
  return db.transaction().execute((trx) => storeRegistrations(trx, registrations));
}
