import { AppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import { dialectOf, type StoreDb } from '../../store/dialect.ts';
import {
  type PreparedRegistration,
  prepareRegistration,
  type RegisterApplicationInput,
  type RegisteredApplication,
  storeRegistrations,
} from './register-application.ts';

/** The most registrations one transaction stores (a bound on its statements and on what a failure retries). */
export const MAX_GROUP = 64;

/**
 * The most registrations of one agency that may wait for its transaction in flight (beyond the group
 * being stored): past it a registration is refused at once with 429 instead of queueing without end
 * (the public apply form reaches this without logging in).
 */
export const MAX_WAITING = 1000;

interface Waiting {
  registration: PreparedRegistration;
  resolve(registered: RegisteredApplication): void;
  reject(error: unknown): void;
}

/** Per database: each agency's registrations waiting for the transaction in flight to end. */
const queues = new WeakMap<StoreDb, Map<string, Waiting[]>>();

/**
 * Registers an application in its own transaction, or on PostgreSQL together with others of the
 * same agency (group commit). Registrations of one agency are serialised anyway — the tracking counter and the
 * audit chain's head stay locked until the commit, whose WAL flush is most of the time on
 * PostgreSQL — so those arriving while one transaction of the agency is in flight wait for it to
 * end and then go in the next transaction together: one counter update, one audit append, one
 * commit for all. Nothing waits on a timer: a registration arriving when none of its agency is in
 * flight starts at once. Each caller gets its own result or error only once its transaction has
 * committed or failed; when a group fails, each of its registrations is retried alone, so one bad
 * registration (or a lost connection) fails no other. Throws what registerApplication throws.
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
  // SQLite commits without a flush to disk (WAL, synchronous=NORMAL) and runs one transaction at a
  // time anyway: nothing to share, each registration is its own transaction.
  if (dialectOf(db) === 'sqlite') return store(db, [registration]).then(([registered]) => registered!);
  let agencies = queues.get(db);
  if (!agencies) {
    agencies = new Map();
    queues.set(db, agencies);
  }
  const waiting = agencies.get(input.agencyId);
  return new Promise((resolve, reject) => {
    const entry = { registration, resolve, reject };
    if (waiting) {
      if (waiting.length >= maxWaiting) {
        reject(new AppError('TOO_MANY_REQUESTS', '该机关正在登记的申请过多，请稍后重试'));
        return;
      }
      waiting.push(entry);
      return;
    }
    const queue = [entry];
    agencies.set(input.agencyId, queue);
    void drain(db, queue, () => agencies.delete(input.agencyId));
  });
}

/**
 * Stores the queue's registrations a group at a time until it is empty, then calls `done` in the
 * same step as finding it empty (so no registration can join a queue nobody drains any more).
 */
async function drain(db: StoreDb, queue: Waiting[], done: () => void): Promise<void> {
  let group = queue.splice(0, MAX_GROUP);
  while (group.length > 0) {
    await storeGroup(db, group);
    group = queue.splice(0, MAX_GROUP);
  }
  done();
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
