import { afterAll, describe, expect, it } from 'vitest';
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
import { tempSqliteFile } from '../support/store-test-db.ts';

const BURST = 600;
const KILL_AFTER = 150;

describe('kill -9 of the server in the middle of a burst of registrations (SQLite file)', () => {
  const file = tempSqliteFile();
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.kill9();
    file.cleanup();
  });

  it('keeps every acknowledged registration, gap-free unique tracking numbers and a valid audit chain', async () => {
    const first = await startServer({ databaseUrl: file.url });
    servers.push(first);
    const { agencyId, officer } = await setUpAgencyOverHttp(first.url);
    const session = await httpLogin(first.url, officer, OFFICER_PASSWORD);
    const path = `/api/agencies/${agencyId}/applications`;

    const acknowledged = new Map<string, string>();
    const otherStatuses: number[] = [];
    let networkFailures = 0;
    let killing: Promise<void> | null = null;
    await runPool(BURST, 24, async (i) => {
      try {
        const res = await request(
          first.url,
          'POST',
          path,
          session,
          registrationBody({ description: `突发登记第${i}件` }),
        );
        if (res.status !== 201) {
          otherStatuses.push(res.status);
          return;
        }
        acknowledged.set(res.body.application.id, res.body.application.trackingNumber);
        if (acknowledged.size === KILL_AFTER) killing = first.kill9();
      } catch {
        networkFailures += 1; // the server is gone: not acknowledged, may or may not be stored
      }
    });
    await killing;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(otherStatuses).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(networkFailures).toBeGreaterThan(0); // killed mid-burst, not after it

    const second = await startServer({ databaseUrl: file.url });
    servers.push(second);
    const again = await httpLogin(second.url, officer, OFFICER_PASSWORD);
    const missing: string[] = [];
    await runPool([...acknowledged].length, 8, async (k) => {
      const [id, trackingNumber] = [...acknowledged][k]!;
      const res = await request(second.url, 'GET', `${path}/${id}`, again);
      if (res.status !== 200 || res.body.application.trackingNumber !== trackingNumber) missing.push(id);
    });
    expect(missing).toEqual([]);
    // The restarted server takes registrations again, numbering on from the counter.
    const after = await request(second.url, 'POST', path, again, registrationBody());
    expect(after.status).toBe(201);
    await second.stop();

    const { db, close } = openDatabase(file.url);
    try {
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'tracking_number'])
        .where('agency_id', '=', agencyId)
        .execute();
      const counter = await db
        .selectFrom('tracking_counters')
        .select('last_number')
        .where('agency_id', '=', agencyId)
        .executeTakeFirstOrThrow();
      const numbers = rows.map((r) => Number(r.tracking_number.split('-')[1])).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: counter.last_number }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.tracking_number)).size).toBe(rows.length);
      const stored = new Set(rows.map((r) => r.id));
      expect([...acknowledged.keys()].filter((id) => !stored.has(id))).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size + 1);
      const registerEntries = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'application')
        .where('action', '=', 'register')
        .executeTakeFirstOrThrow();
      expect(Number(registerEntries.n)).toBe(rows.length);
      // The applicant's personal data was committed with its case, never without it.
      const applicants = await db
        .selectFrom('applicants')
        .innerJoin('applications', 'applications.id', 'applicants.application_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('applications.agency_id', '=', agencyId)
        .executeTakeFirstOrThrow();
      expect(Number(applicants.n)).toBe(rows.length);
    } finally {
      await close();
    }
    const verified = auditVerify(file.url);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^审计日志完整：\d+ 条/);
  }, 180_000);
});
