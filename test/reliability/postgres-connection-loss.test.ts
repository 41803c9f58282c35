import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../src/server/plugins/error-handling.ts';
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
import { postgresAvailable, TEST_DATABASE_URL, tempPostgresSchema } from '../support/store-test-db.ts';

const BURST = 300;
/** After this many acknowledged registrations, and every as many again, the connections are cut. */
const CUT_EVERY = 40;
const CUTS = 4;

/**
 * Ends every connection of the server under test (found by its application_name), as a
 * PostgreSQL restart would, without touching anyone else's connections to the shared cluster.
 */
async function cutConnections(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    // Right after a cut the server may hold no connection yet (it reopens them on demand): look
    // again for a moment rather than count a cut that found nothing to end.
    for (let attempt = 0; ; attempt += 1) {
      const { rows } = await admin.query(
        'select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1',
        [applicationName],
      );
      const ended = rows.filter((r) => r.ended).length;
      if (ended > 0 || attempt === 40) return ended;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await admin.end();
  }
}

describe.skipIf(process.env.TEST_DATABASE_URL === undefined)(
  'the server when PostgreSQL drops its connections mid-burst',
  () => {
    const servers: ServerProcess[] = [];
    const drops: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const s of servers) await s.kill9();
      for (const drop of drops) await drop();
    });

    it('answers clean 503s meanwhile, recovers without a restart, and loses no acknowledged write', async () => {
      expect(postgresAvailable).toBe(true);
      const schema = await tempPostgresSchema();
      drops.push(schema.drop);
      const applicationName = `gk-fault-${randomBytes(4).toString('hex')}`;
      const url = `${schema.url}&application_name=${applicationName}`;
      const server = await startServer({ databaseUrl: url });
      servers.push(server);
      const { agencyId, officer } = await setUpAgencyOverHttp(server.url);
      const session = await httpLogin(server.url, officer, OFFICER_PASSWORD);
      const path = `/api/agencies/${agencyId}/applications`;

      const acknowledged = new Map<string, string>();
      const unavailable: Array<{ code: string; message: string; retryAfter: string | null }> = [];
      const otherAnswers: string[] = [];
      const cuts: Array<Promise<number>> = [];
      const networkFailures: string[] = [];
      await runPool(BURST, 12, async (i) => {
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/json',
          },
          body: JSON.stringify(registrationBody({ description: `断线期间登记第${i}件` })),
        }).catch((error: Error) => {
          networkFailures.push(String(error.cause ?? error));
          return null;
        });
        if (!res) return;
        // biome-ignore lint/suspicious/noExplicitAny: JSON of the route; the test checks its fields.
        const body: any = await res.json();
        if (res.status === 201) {
          acknowledged.set(body.application.id, body.application.trackingNumber);
          if (acknowledged.size % CUT_EVERY === 0 && cuts.length < CUTS)
            cuts.push(cutConnections(applicationName));
        } else if (res.status === 503) {
          unavailable.push({ ...body, retryAfter: res.headers.get('retry-after') });
        } else {
          otherAnswers.push(`${res.status} ${JSON.stringify(body)}`);
        }
      });
      expect(networkFailures, server.output()).toEqual([]);
      const ended = await Promise.all(cuts);
      expect(ended.length).toBe(CUTS);
      expect(ended.every((n) => n > 0)).toBe(true);
      // Never a 500 or a dropped request: either acknowledged, or a clean 503 in Chinese.
      expect(otherAnswers).toEqual([]);
      // Cut while 12 requests are in flight: some of them were on a connection that went away.
      expect(unavailable.length).toBeGreaterThan(0);
      for (const answer of unavailable) {
        expect(answer).toEqual({
          code: 'DATABASE_UNAVAILABLE',
          message: DATABASE_UNAVAILABLE_MESSAGE,
          retryAfter: '5',
        });
      }
      expect(acknowledged.size + unavailable.length).toBe(BURST);

      // The same process serves again: no restart.
      expect(server.child.exitCode).toBeNull();
      const after = await request(server.url, 'POST', path, session, registrationBody());
      expect(after.status).toBe(201);
      acknowledged.set(after.body.application.id, after.body.application.trackingNumber);
      await server.stop();

      const { db, close } = openDatabase(schema.url);
      try {
        const rows = await db
          .selectFrom('applications')
          .select(['id', 'tracking_number'])
          .where('agency_id', '=', agencyId)
          .execute();
        const stored = new Map(rows.map((r) => [r.id, r.tracking_number]));
        expect([...acknowledged].filter(([id, n]) => stored.get(id) !== n)).toEqual([]);
        // A registration cut off before its commit left nothing: the numbers have no gap.
        const sequence = rows.map((r) => Number(r.tracking_number.split('-')[1])).sort((a, b) => a - b);
        expect(sequence).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
        // A commit whose answer was lost with the connection may be stored although it got a 503.
        expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size);
      } finally {
        await close();
      }
      const verified = auditVerify(schema.url);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    }, 180_000);
  },
);
