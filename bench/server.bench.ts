/**
 * Registrations per second and p99 latency of the real server (`gongkai serve` in a process of its
 * own, over loopback HTTP, autocannon), on SQLite and on PostgreSQL, beside a bare Fastify route
 * measured the same way in the same run: the ratio to it is what the numbers mean across machines.
 * PostgreSQL comes from BENCH_DATABASE_URL or TEST_DATABASE_URL (a schema of its own, dropped
 * afterwards); without one reachable, its measures are left out with a message.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { httpLogin, OFFICER_PASSWORD, setUpAgencyOverHttp } from '../test/support/http-client.ts';
import { REPO_ROOT } from '../test/support/run-cli.ts';
import { registrationBody } from '../test/support/server-factories.ts';
import { startServer } from '../test/support/server-process.ts';
import type { Measure } from './measure.ts';

const DURATION_S = 4;
const WARM_UP_S = 1;
const CONNECTIONS = 10;
/** Agencies the spread measure registers in, in turn. */
const SPREAD_AGENCIES = 10;
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_test';

interface Load {
  perSecond: number;
  p99Ms: number;
}

/** A path and the headers of the officer allowed to post there. */
interface Target {
  path: string;
  headers: Record<string, string>;
}

/** Posts `body` to `url`; with `targets`, each request goes to the next target in turn instead. */
async function load(
  url: string,
  headers: Record<string, string>,
  body: string,
  targets: Target[] = [],
): Promise<Load> {
  let next = 0;
  const spread = {
    requests: [
      {
        setupRequest: (request: { headers?: Record<string, string> }) => {
          const target = targets[next++ % targets.length]!;
          return { ...request, path: target.path, headers: { ...request.headers, ...target.headers } };
        },
      },
    ],
  };
  const options = {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(targets.length > 0 ? spread : {}),
  };
  await autocannon({ ...options, connections: CONNECTIONS, duration: WARM_UP_S });
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `load on ${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { perSecond: Math.round(result['2xx'] / result.duration), p99Ms: result.latency.p99 };
}

async function bareFastify(): Promise<Load> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'bench/bare-fastify-server.ts')],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const m = /listening (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`bare Fastify server exited (${code})`)));
    });
    return await load(`http://127.0.0.1:${port}/bare`, {}, JSON.stringify(registrationBody()));
  } finally {
    child.kill('SIGKILL');
  }
}

/** `count` agencies, each with an officer logged in (sessions live in the database: any instance takes them). */
async function agencyTargets(serverUrl: string, count: number): Promise<Target[]> {
  const targets: Target[] = [];
  for (let i = 0; i < count; i += 1) {
    const { agencyId, officer } = await setUpAgencyOverHttp(serverUrl);
    const session = await httpLogin(serverUrl, officer, OFFICER_PASSWORD);
    targets.push({
      path: `/api/agencies/${agencyId}/applications`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
  }
  return targets;
}

/** The load on `serverUrl`, the registrations going to each target in turn. */
function registrationLoad(serverUrl: string, targets: Target[]): Promise<Load> {
  const [first] = targets;
  return load(
    `${serverUrl}${first!.path}`,
    first!.headers,
    JSON.stringify(registrationBody()),
    targets.length > 1 ? targets : [],
  );
}

/**
 * The real server on `databaseUrl`: `agencies` agencies, each with an officer logged in, set up
 * over HTTP; then the load, the registrations going to each agency in turn.
 */
async function registrations(
  databaseUrl: string,
  agencies = 1,
  env: Record<string, string> = {},
): Promise<Load> {
  const server = await startServer({ databaseUrl, env });
  try {
    return await registrationLoad(server.url, await agencyTargets(server.url, agencies));
  } finally {
    await server.stop();
  }
}

/**
 * Two servers on one database, each under the load of the one-instance measures (its own
 * autocannon, CONNECTIONS connections, at the same time), spread over `agencies` agencies: the
 * registrations of both added up, and the worse of the two p99.
 */
async function twoInstanceRegistrations(databaseUrl: string, agencies: number): Promise<Load> {
  const first = await startServer({ databaseUrl });
  try {
    const second = await startServer({ databaseUrl });
    try {
      const targets = await agencyTargets(first.url, agencies);
      const [a, b] = await Promise.all([
        registrationLoad(first.url, targets),
        registrationLoad(second.url, targets),
      ]);
      return { perSecond: a.perSecond + b.perSecond, p99Ms: Math.max(a.p99Ms, b.p99Ms) };
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
  }
}

async function withSqliteFile<T>(work: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  try {
    return await work(`sqlite:${join(dir, 'gongkai.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** null when no PostgreSQL is reachable. */
async function withPostgresSchema<T>(work: (url: string) => Promise<T>): Promise<T | null> {
  const schema = `gk_bench_${randomBytes(6).toString('hex')}`;
  try {
    await adminQuery(`create schema ${schema}`);
  } catch (error) {
    process.stderr.write(`server bench: PostgreSQL unreachable (${(error as Error).message}), skipped\n`);
    return null;
  }
  try {
    const u = new URL(POSTGRES_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return await work(u.toString());
  } finally {
    await adminQuery(`drop schema ${schema} cascade`);
  }
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function measures(): Promise<Measure[]> {
  const how = `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s after ${WARM_UP_S} s warm-up, loopback`;
  const bare = await bareFastify();
  const out: Measure[] = [
    {
      name: 'server.bareFastify.requestsPerSecond',
      value: bare.perSecond,
      unit: 'req/s',
      what: `baseline: bare Fastify POST route parsing the same JSON body, own process (${how})`,
    },
    { name: 'server.bareFastify.p99', value: bare.p99Ms, unit: 'ms', what: 'p99 latency of the baseline' },
  ];
  const dialects: Array<[string, Load | null]> = [
    ['sqlite', await withSqliteFile((url) => registrations(url))],
    ['postgres', await withPostgresSchema((url) => registrations(url))],
    // Commits answered before the WAL flush (PG_SYNCHRONOUS_COMMIT=off, not the default: see docs/deployment.md).
    [
      'postgres.synchronousCommitOff',
      await withPostgresSchema((url) => registrations(url, 1, { PG_SYNCHRONOUS_COMMIT: 'off' })),
    ],
    // Writers of different agencies share no lock (audit chain and tracking counter are per agency).
    ['postgres.tenAgencies', await withPostgresSchema((url) => registrations(url, SPREAD_AGENCIES))],
    [
      'postgres.twoInstances',
      await withPostgresSchema((url) => twoInstanceRegistrations(url, SPREAD_AGENCIES)),
    ],
  ];
  for (const [dialect, result] of dialects) {
    if (!result) continue;
    const spread =
      dialect === 'postgres.twoInstances'
        ? `, two gongkai serve processes on one database, each under its own ${CONNECTIONS} connections, spread over ${SPREAD_AGENCIES} agencies in turn; p99 the worse of the two`
        : dialect.endsWith('Agencies')
          ? `, spread over ${SPREAD_AGENCIES} agencies in turn`
          : ', one agency';
    const what = `POST /api/agencies/:id/applications (session cookie + CSRF) on gongkai serve, ${dialect}${spread} (${how})`;
    out.push(
      {
        name: `server.registrations.${dialect}.perSecond`,
        value: result.perSecond,
        unit: 'registrations/s',
        what,
      },
      {
        name: `server.registrations.${dialect}.p99`,
        value: result.p99Ms,
        unit: 'ms',
        what: `p99 latency: ${what}`,
      },
      {
        name: `server.registrations.${dialect}.ratioToBareFastify`,
        value: round(result.perSecond / bare.perSecond, 3),
        unit: 'ratio',
        what: `registrations/s divided by the bare Fastify baseline's requests/s in the same run (${dialect})`,
      },
    );
  }
  return out;
}
