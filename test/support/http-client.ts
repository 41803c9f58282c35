import { randomBytes } from 'node:crypto';
import { PROCESS_ADMIN_PASSWORD } from './server-process.ts';

/** A browser session against a server over real HTTP: cookie and CSRF token. */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

export interface HttpResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON of any route; tests check the fields they use.
  body: any;
}

/** One JSON request; a network failure (server killed) rejects. */
export async function request(
  base: string,
  method: string,
  path: string,
  session: HttpSession | null,
  body?: unknown,
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) };
}

export async function httpLogin(base: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gongkai_session='));
  if (!cookie) throw new Error('login set no session cookie');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0]!, csrfToken: body.csrfToken };
}

export const OFFICER_PASSWORD = 'officer-password-1';

/**
 * As the administrator (GONGKAI_ADMIN_PASSWORD of startServer): a county, an agency in it and an
 * officer of that agency, all through the API. Returns the agency and the officer's username.
 */
export async function setUpAgencyOverHttp(base: string): Promise<{ agencyId: string; officer: string }> {
  const admin = await httpLogin(base, 'admin', PROCESS_ADMIN_PASSWORD);
  const tag = randomBytes(3).toString('hex');
  const ok = (r: HttpResult) => {
    if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const region = ok(
    await request(base, 'POST', '/api/regions', admin, {
      code: `R${tag}`,
      name: `测试县${tag}`,
      level: 'county',
    }),
  );
  const agency = ok(
    await request(base, 'POST', '/api/agencies', admin, {
      regionId: region.id,
      name: `测试县数据局${tag}`,
      kind: 'department',
    }),
  );
  const officer = `officer.${tag}`;
  ok(
    await request(base, 'POST', '/api/users', admin, {
      username: officer,
      displayName: '测试经办人',
      password: OFFICER_PASSWORD,
      role: 'officer',
      agencyId: agency.id,
    }),
  );
  return { agencyId: agency.id, officer };
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at once; results by index. */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
