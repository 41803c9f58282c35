import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_REFUSED } from '../../src/server/routes/auth/auth.routes.ts';
import { countTable3 } from '../../src/store/applications/count-table3.ts';
import type { StoreDb } from '../../src/store/dialect.ts';
import { openDatabase } from '../../src/store/dialect.ts';
import { LOCKOUT } from '../../src/store/users/users.repository.ts';
import {
  httpLogin,
  OFFICER_PASSWORD,
  request,
  runPool,
  setUpAgencyOverHttp,
} from '../support/http-client.ts';
import { registrationBody } from '../support/server-factories.ts';
import { auditVerify, type ServerProcess, startServer } from '../support/server-process.ts';
import { postgresAvailable, tempPostgresSchema } from '../support/store-test-db.ts';

const REGISTRATIONS = 2000;
/** Small limits, so that counting them across both instances is quick to show. */
const LOGIN_IP_MAX_FAILURES = 8;
const PUBLIC_APPLY_MAX_PER_HOUR = 6;
const LIMITS = {
  LOGIN_IP_MAX_FAILURES: String(LOGIN_IP_MAX_FAILURES),
  PUBLIC_APPLY_MAX_PER_HOUR: String(PUBLIC_APPLY_MAX_PER_HOUR),
};

/** An online application as the public form sends it (no login). */
const publicApplication = (i: number) => ({
  applicantType: 'naturalPerson',
  applicant: { name: '李四', idNumber: '110101199001011237', email: 'lisi@example.cn' },
  description: `网上申请第${i}件`,
  requestedForm: { media: ['electronic'], delivery: ['email'] },
});

/** TEST_DATABASE_URL set (CI sets it): these tests run, and fail if PostgreSQL is unreachable. */
const postgresRequested = process.env.TEST_DATABASE_URL !== undefined;

/** Runs `query` on a connection of its own to `url`. */
async function db<T>(url: string, query: (d: StoreDb) => Promise<T>): Promise<T> {
  const opened = openDatabase(url);
  try {
    return await query(opened.db);
  } finally {
    await opened.close();
  }
}

describe.skipIf(!postgresRequested)('two server processes on one PostgreSQL schema', () => {
  if (postgresRequested && !postgresAvailable)
    throw new Error('TEST_DATABASE_URL is set but PostgreSQL is unreachable');
  const servers: ServerProcess[] = [];
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const s of servers) await s.kill9();
    for (const drop of drops) await drop();
  });

  // Two instances on one schema, shared by the next two tests (starting servers is the slow part).
  let schema: { url: string };
  let instances: ServerProcess[] = [];
  beforeAll(async () => {
    const created = await tempPostgresSchema();
    drops.push(created.drop);
    schema = created;
    // Started together: both migrate and bootstrap the administrator on the same empty schema.
    instances = await Promise.all([
      startServer({ databaseUrl: schema.url, env: LIMITS }),
      startServer({ databaseUrl: schema.url, env: LIMITS }),
    ]);
    servers.push(...instances);
  }, 60_000);

  it('take 2,000 concurrent registrations: distinct gap-free numbers, table 三 counts 2,000, audit verifies', async () => {
    const [a, b] = instances;
    const { agencyId, officer } = await setUpAgencyOverHttp(a!.url);
    // Sessions live in the database: one login, used on both instances.
    const session = await httpLogin(b!.url, officer, OFFICER_PASSWORD);
    const path = `/api/agencies/${agencyId}/applications`;

    const answers = await runPool(REGISTRATIONS, 60, async (i) => {
      const server = instances[i % 2]!;
      const res = await request(
        server.url,
        'POST',
        path,
        session,
        registrationBody({ description: `并发登记第${i}件` }),
      );
      return {
        status: res.status,
        id: res.body?.application?.id as string,
        number: res.body?.application?.trackingNumber as string,
      };
    });
    expect(answers.filter((x) => x.status !== 201)).toEqual([]);
    const numbers = answers.map((x) => x.number);
    expect(new Set(numbers).size).toBe(REGISTRATIONS);
    const sequence = numbers.map((n) => Number(n.split('-')[1])).sort((x, y) => x - y);
    expect(sequence).toEqual(Array.from({ length: REGISTRATIONS }, (_, i) => i + 1));

    // Each instance sees every registration, including those the other one took.
    for (const server of instances) {
      const list = await request(server.url, 'GET', `${path}?limit=1`, session);
      expect(list.body.total).toBe(REGISTRATIONS);
    }

    const { db, close } = openDatabase(schema.url);
    try {
      const stored = await db
        .selectFrom('applications')
        .select('id')
        .where('agency_id', '=', agencyId)
        .execute();
      expect(new Set(stored.map((r) => r.id))).toEqual(new Set(answers.map((x) => x.id)));
      const table3 = await countTable3(db, agencyId, 2026);
      // registrationBody: a natural person (column 0); column 6 is the total.
      expect(table3.newReceived).toEqual([REGISTRATIONS, 0, 0, 0, 0, 0, REGISTRATIONS]);
      const registered = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('entity', '=', 'application')
        .where('action', '=', 'register')
        .executeTakeFirstOrThrow();
      expect(Number(registered.n)).toBe(REGISTRATIONS);
    } finally {
      await close();
    }
    const verified = auditVerify(schema.url);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const entries = Number(/审计日志完整：\d+ 条链，共 (\d+) 条/.exec(verified.stdout)?.[1]);
    expect(entries).toBeGreaterThanOrEqual(REGISTRATIONS);
  }, 240_000);

  it('count failed logins and online applications across both: alternating instances reach each limit', async () => {
    const { agencyId, officer } = await setUpAgencyOverHttp(instances[0]!.url);
    const login = (server: ServerProcess, password: string) =>
      request(server.url, 'POST', '/api/auth/login', null, { username: officer, password });

    // The account and address back-off (LOCKOUT): its failures alternate between the instances.
    for (let i = 0; i < LOCKOUT.maxFailures; i += 1) {
      const res = await login(instances[i % 2]!, `wrong-${i}`);
      expect(res.status).toBe(401);
    }
    // Counted in one process each (3 and 2), neither would hold the address back yet.
    for (const server of instances) {
      const held = await login(server, OFFICER_PASSWORD);
      expect(held.status).toBe(401);
      expect(held.body.message).toBe(LOGIN_REFUSED);
    }
    const locked = await db(schema.url, (d) =>
      d
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'user')
        .where('action', 'in', ['login-failed', 'login-locked'])
        .execute(),
    );
    expect(locked.map((r) => r.action).sort()).toEqual([
      ...Array.from({ length: LOCKOUT.maxFailures - 1 }, () => 'login-failed'),
      'login-locked',
    ]);

    // The per-address limit: LOCKOUT.maxFailures + 2 failures so far from 127.0.0.1, on both.
    let failures = LOCKOUT.maxFailures + 2;
    while (failures < LOGIN_IP_MAX_FAILURES) {
      const res = await request(instances[failures % 2]!.url, 'POST', '/api/auth/login', null, {
        username: 'nobody',
        password: 'wrong-password',
      });
      expect(res.status).toBe(401);
      failures += 1;
    }
    for (const server of instances) {
      const refused = await login(server, OFFICER_PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    }

    // The public-apply limit per address, alternating between the instances.
    const path = `/api/public/agencies/${agencyId}/applications`;
    const statuses: number[] = [];
    for (let i = 0; i <= PUBLIC_APPLY_MAX_PER_HOUR; i += 1) {
      const res = await request(instances[i % 2]!.url, 'POST', path, null, publicApplication(i));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array.from({ length: PUBLIC_APPLY_MAX_PER_HOUR }, () => 201), 429]);
    const stored = await db(schema.url, (d) =>
      d.selectFrom('applications').select('id').where('agency_id', '=', agencyId).execute(),
    );
    expect(stored).toHaveLength(PUBLIC_APPLY_MAX_PER_HOUR);
  }, 60_000);

  it('lose no acknowledged registration when one of them is killed (-9) mid-burst', async () => {
    const schema = await tempPostgresSchema();
    drops.push(schema.drop);
    const a = await startServer({ databaseUrl: schema.url });
    const b = await startServer({ databaseUrl: schema.url });
    servers.push(a, b);
    const { agencyId, officer } = await setUpAgencyOverHttp(b.url);
    const session = await httpLogin(b.url, officer, OFFICER_PASSWORD);
    const path = `/api/agencies/${agencyId}/applications`;
    const acknowledged = new Map<string, string>();
    const otherStatuses: number[] = [];
    const survivorFailures: string[] = [];
    let killing: Promise<void> | null = null;
    await runPool(400, 30, async (i) => {
      const server = i % 2 === 0 ? a : b;
      try {
        const res = await request(
          server.url,
          'POST',
          path,
          session,
          registrationBody({ description: `第${i}件` }),
        );
        if (res.status !== 201) {
          otherStatuses.push(res.status);
          return;
        }
        acknowledged.set(res.body.application.id, res.body.application.trackingNumber);
        if (acknowledged.size === 100) killing = a.kill9();
      } catch (error) {
        // Instance a is gone: not acknowledged. Instance b must never fail so.
        if (server === b) survivorFailures.push(String((error as Error).cause ?? error));
      }
    });
    await killing;
    expect(a.child.signalCode).toBe('SIGKILL');
    expect(otherStatuses).toEqual([]);
    expect(survivorFailures).toEqual([]);
    // The survivor took every request sent to it after the kill.
    expect(acknowledged.size).toBeGreaterThanOrEqual(200);
    await b.stop();

    const { db, close } = openDatabase(schema.url);
    try {
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'tracking_number'])
        .where('agency_id', '=', agencyId)
        .execute();
      const stored = new Map(rows.map((r) => [r.id, r.tracking_number]));
      expect([...acknowledged].filter(([id, n]) => stored.get(id) !== n)).toEqual([]);
      const counter = await db
        .selectFrom('tracking_counters')
        .select('last_number')
        .where('agency_id', '=', agencyId)
        .executeTakeFirstOrThrow();
      const sequence = rows.map((r) => Number(r.tracking_number.split('-')[1])).sort((x, y) => x - y);
      expect(sequence).toEqual(Array.from({ length: counter.last_number }, (_, i) => i + 1));
    } finally {
      await close();
    }
    const verified = auditVerify(schema.url);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  }, 300_000);
});
