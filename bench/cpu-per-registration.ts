/**
 * The server's own CPU per registration, in process (not a bench suite): buildApp on a fresh
 * database, an agency and an officer set up over HTTP, then `count` registrations through
 * `inject`, 10 at a time, timed with process.cpuUsage(); best of `rounds`. On PostgreSQL also the
 * CPU of the server backends serving the app's connections (from /proc, so robust to other load),
 * and the statements and round trips (queries sent by the pg clients) per registration.
 * `npx tsx bench/cpu-per-registration.ts <sqlite|postgres> [count] [rounds]`
 */
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { httpLogin, OFFICER_PASSWORD, setUpAgencyOverHttp } from '../test/support/http-client.ts';
import { registrationBody } from '../test/support/server-factories.ts';
import { PROCESS_ADMIN_PASSWORD } from '../test/support/server-process.ts';
import { benchDatabaseUrl } from './bench-databases.ts';
import { processCpuMs } from './process-tree.ts';

/** Queries sent by every pg client of this process (each is one round trip). */
let queriesSent = 0;
const sendQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queriesSent += 1;
  return (sendQuery as (...a: unknown[]) => unknown).apply(this, args);
} as never;

const [engine = 'sqlite', countArg = '2000', roundsArg = '3'] = process.argv.slice(2);
const database = await benchDatabaseUrl(engine === 'postgres' ? 'postgres' : 'sqlite', 'cpu');
const app = await buildApp({
  config: loadConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    GONGKAI_ADMIN_PASSWORD: PROCESS_ADMIN_PASSWORD,
    LOGIN_FAILURE_DELAY_MS: '0',
  }),
  logger: true,
});
try {
  const { ensureAdministrator } = await import('../src/server/bootstrap/ensure-admin.ts');
  await ensureAdministrator(app.db, PROCESS_ADMIN_PASSWORD, new Date());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const { agencyId, officer } = await setUpAgencyOverHttp(base);
  const session = await httpLogin(base, officer, OFFICER_PASSWORD);
  const payload = JSON.stringify(registrationBody());
  const one = async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/agencies/${agencyId}/applications`,
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      payload,
    });
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  };
  /** The server processes of the app's connections (the pool's, the only ones on this database; the
   * listing and sampling cost a fraction of a percent of the figures). */
  const backends = async (): Promise<number[]> => {
    if (engine !== 'postgres') return [];
    const result = await sql<{ pid: number }>`
      select pid from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'`.execute(app.db);
    return result.rows.map((r) => Number(r.pid));
  };
  /**
   * CPU of the backends during a run: the pool closes idle connections and opens new ones, so the
   * backends are sampled every 20 ms (a backend gone keeps its last sample) and listed again every
   * 500 ms (a backend found during the run counts whole: all its CPU is the run's).
   */
  const watchBackends = async () => {
    const seen = new Map<number, { start: number; last: number }>();
    for (const pid of await backends()) {
      const cpu = processCpuMs(pid);
      seen.set(pid, { start: cpu, last: cpu });
    }
    const sample = () => {
      for (const [pid, s] of seen) s.last = Math.max(s.last, processCpuMs(pid));
    };
    const sampler = setInterval(sample, 20);
    const lister = setInterval(() => {
      void backends().then((pids) => {
        for (const pid of pids) if (!seen.has(pid)) seen.set(pid, { start: 0, last: processCpuMs(pid) });
      });
    }, 500);
    return async () => {
      clearInterval(sampler);
      clearInterval(lister);
      for (const pid of await backends()) if (!seen.has(pid)) seen.set(pid, { start: 0, last: 0 });
      sample();
      return [...seen.values()].reduce((total, s) => total + s.last - s.start, 0);
    };
  };
  const run = async (count: number) => {
    const stopWatching = await watchBackends();
    const queriesStart = queriesSent;
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next += 1;
        await one();
      }
    };
    const start = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 10 }, worker));
    const used = process.cpuUsage(start);
    const backendMs = await stopWatching();
    return {
      cpuMs: (used.user + used.system) / 1000 / count,
      wallMs: (performance.now() - t0) / count,
      backendMs: backendMs / count,
      queries: (queriesSent - queriesStart) / count,
    };
  };
  await run(300);
  const results = [];
  for (let i = 0; i < Number(roundsArg); i += 1) results.push(await run(Number(countArg)));
  const best = results.sort((a, b) => a.cpuMs - b.cpuMs)[0]!;
  process.stdout.write(
    `${engine}: CPU ${best.cpuMs.toFixed(3)} ms/registration (rounds: ${results.map((r) => r.cpuMs.toFixed(3)).join(', ')}), wall ${best.wallMs.toFixed(3)} ms` +
      (engine === 'postgres'
        ? `; PostgreSQL backends ${best.backendMs.toFixed(3)} ms/registration (rounds: ${results.map((r) => r.backendMs.toFixed(3)).join(', ')}); round trips ${best.queries.toFixed(2)}/registration`
        : '') +
      '\n',
  );
} finally {
  await app.close();
  await database.cleanup();
}
