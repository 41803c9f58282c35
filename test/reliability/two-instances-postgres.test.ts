import { afterAll, describe, expect, it } from 'vitest';
import { countTable3 } from '../../src/store/applications/count-table3.ts';
import { openDatabase } from '../../src/store/dialect.ts';
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

const REGISTRATIONS = 1000;

describe.skipIf(!postgresAvailable)('two server processes on one PostgreSQL schema', () => {
  const servers: ServerProcess[] = [];
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const s of servers) await s.kill9();
    for (const drop of drops) await drop();
  });

  it('take 1,000 concurrent registrations: distinct gap-free numbers, table 三 counts 1,000, audit verifies', async () => {
    const schema = await tempPostgresSchema();
    drops.push(schema.drop);
    // Started together: both migrate and bootstrap the administrator on the same empty schema.
    const [a, b] = await Promise.all([
      startServer({ databaseUrl: schema.url }),
      startServer({ databaseUrl: schema.url }),
    ]);
    servers.push(a!, b!);
    const instances = [a!, b!];
    const { agencyId, officer } = await setUpAgencyOverHttp(a!.url);
    // Sessions live in the database: one login, used on both instances.
    const session = await httpLogin(b!.url, officer, OFFICER_PASSWORD);
    const path = `/api/agencies/${agencyId}/applications`;

    const answers = await runPool(REGISTRATIONS, 40, async (i) => {
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
    await Promise.all(instances.map((s) => s.stop()));

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
  }, 300_000);

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
