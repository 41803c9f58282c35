/**
 * CPU profile of `gongkai serve` under the registration load of the server bench (not a bench
 * suite): `npx tsx bench/profile-server.ts <sqlite|postgres> <out-dir>` writes the server's
 * .cpuprofile in <out-dir> and prints the server's CPU ms per registration.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { httpLogin, OFFICER_PASSWORD, setUpAgencyOverHttp } from '../test/support/http-client.ts';
import { registrationBody } from '../test/support/server-factories.ts';
import { startServer } from '../test/support/server-process.ts';
import { benchDatabaseUrl } from './bench-databases.ts';

const [engine = 'sqlite', outDir = '/tmp/gongkai-profile', seconds = '4'] = process.argv.slice(2);
async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const database = await benchDatabaseUrl(engine === 'postgres' ? 'postgres' : 'sqlite', 'prof');
  const profile = process.env.NO_PROFILE ? [] : ['--cpu-prof', `--cpu-prof-dir=${resolve(outDir)}`];
  const server = await startServer({ databaseUrl: database.url, nodeArgs: profile });
  try {
    const { agencyId, officer } = await setUpAgencyOverHttp(server.url);
    const session = await httpLogin(server.url, officer, OFFICER_PASSWORD);
    const options = {
      url: `${server.url}/api/agencies/${agencyId}/applications`,
      method: 'POST' as const,
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      body: JSON.stringify(registrationBody()),
      connections: 10,
    };
    await autocannon({ ...options, duration: 1 });
    const before = cpuOf(server.child.pid!);
    const result = await autocannon({ ...options, duration: Number(seconds) });
    const cpuMs = cpuOf(server.child.pid!) - before;
    process.stdout.write(
      `${engine}: ${Math.round(result['2xx'] / result.duration)}/s p99 ${result.latency.p99} ms, non2xx ${result.non2xx}, ` +
        `server CPU ${(cpuMs / result['2xx']).toFixed(3)} ms/registration\n`,
    );
  } finally {
    await server.stop();
    await database.cleanup();
  }
}

/** utime+stime of a process in ms, from /proc. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

await main();
