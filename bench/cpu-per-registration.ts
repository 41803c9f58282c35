/**
 * The server's own CPU per registration, in process (not a bench suite): buildApp on a fresh
 * database, an agency and an officer set up over HTTP, then `count` registrations through
 * `inject`, 10 at a time, timed with process.cpuUsage(); best of `rounds`.
 * `npx tsx bench/cpu-per-registration.ts <sqlite|postgres> [count] [rounds]`
 */
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { httpLogin, OFFICER_PASSWORD, setUpAgencyOverHttp } from '../test/support/http-client.ts';
import { registrationBody } from '../test/support/server-factories.ts';
import { PROCESS_ADMIN_PASSWORD } from '../test/support/server-process.ts';
import { benchDatabaseUrl } from './bench-databases.ts';

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
  const run = async (count: number) => {
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
    return { cpuMs: (used.user + used.system) / 1000 / count, wallMs: (performance.now() - t0) / count };
  };
  await run(300);
  const results = [];
  for (let i = 0; i < Number(roundsArg); i += 1) results.push(await run(Number(countArg)));
  const best = results.sort((a, b) => a.cpuMs - b.cpuMs)[0]!;
  process.stdout.write(
    `${engine}: CPU ${best.cpuMs.toFixed(3)} ms/registration (rounds: ${results.map((r) => r.cpuMs.toFixed(3)).join(', ')}), wall ${best.wallMs.toFixed(3)} ms\n`,
  );
} finally {
  await app.close();
  await database.cleanup();
}
