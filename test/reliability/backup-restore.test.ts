import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/dialect.ts';
import {
  type HttpSession,
  httpLogin,
  OFFICER_PASSWORD,
  request,
  runPool,
  setUpAgencyOverHttp,
} from '../support/http-client.ts';
import { REPO_ROOT } from '../support/run-cli.ts';
import { registrationBody } from '../support/server-factories.ts';
import { auditVerify, type ServerProcess, startServer } from '../support/server-process.ts';
import { postgresAvailable, tempPostgresSchema, tempSqliteFile } from '../support/store-test-db.ts';

/** `gongkai <args>` with DATABASE_URL=`url`, as an operator runs it. */
function gongkaiOn(url: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/gongkai.js'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The applications of `agencyId` stored at `url`: id → tracking number, and the counter. */
async function storedApplications(url: string, agencyId: string) {
  const { db, close } = openDatabase(url);
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
      .executeTakeFirst();
    return { byId: new Map(rows.map((r) => [r.id, r.tracking_number])), last: counter?.last_number ?? 0 };
  } finally {
    await close();
  }
}

/** A server on `url`, an agency with an officer, and `count` registrations through the API. */
async function populate(server: ServerProcess, count: number) {
  const { agencyId, officer } = await setUpAgencyOverHttp(server.url);
  const session = await httpLogin(server.url, officer, OFFICER_PASSWORD);
  const path = `/api/agencies/${agencyId}/applications`;
  const register = (i: number) =>
    request(server.url, 'POST', path, session, registrationBody({ description: `备份前登记第${i}件` }));
  const answers = await runPool(count, 8, register);
  expect(answers.filter((a) => a.status !== 201)).toEqual([]);
  return { agencyId, officer, session, path, register };
}

/** A server started on the restored copy: the officer logs in and sees exactly `count` applications. */
async function expectServes(
  url: string,
  officer: string,
  path: string,
  count: number,
  servers: ServerProcess[],
) {
  const server = await startServer({ databaseUrl: url });
  servers.push(server);
  const session: HttpSession = await httpLogin(server.url, officer, OFFICER_PASSWORD);
  const list = await request(server.url, 'GET', `${path}?limit=1`, session);
  expect(list.status).toBe(200);
  expect(list.body.total).toBe(count);
  await server.stop();
}

describe('gongkai db backup and restore on SQLite', () => {
  const original = tempSqliteFile();
  const elsewhere = tempSqliteFile();
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.kill9();
    original.cleanup();
    elsewhere.cleanup();
  });

  it('copies a database while the server writes to it; the restored copy verifies and serves', async () => {
    const server = await startServer({ databaseUrl: original.url });
    servers.push(server);
    const { agencyId, officer, path, register } = await populate(server, 40);

    // The backup runs while registrations keep coming in (the online backup API).
    const backupFile = join(elsewhere.path, '..', 'gongkai-backup.db');
    const during = runPool(60, 4, (i) => register(100 + i));
    const backup = gongkaiOn(original.url, 'db', 'backup', backupFile);
    await during;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('SQLite 在线备份');
    await server.stop();

    // A consistent copy: whole registrations only, numbered 1…n without a gap, audit chain intact.
    const copy = await storedApplications(`sqlite:${backupFile}`, agencyId);
    expect(copy.byId.size).toBeGreaterThanOrEqual(40);
    expect([...copy.byId.values()].map((n) => Number(n.split('-')[1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: copy.last }, (_, i) => i + 1),
    );
    const source = await storedApplications(original.url, agencyId);
    expect([...copy.byId].filter(([id, n]) => source.byId.get(id) !== n)).toEqual([]);

    // Restore into a fresh file; never over an existing one, never over an existing backup.
    const restoredUrl = elsewhere.url;
    const restore = gongkaiOn(restoredUrl, 'db', 'restore', backupFile);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('已把备份');
    const verified = auditVerify(restoredUrl);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/审计日志完整/);
    await expectServes(restoredUrl, officer, path, copy.byId.size, servers);

    const again = gongkaiOn(restoredUrl, 'db', 'restore', backupFile);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    const overwrite = gongkaiOn(original.url, 'db', 'backup', backupFile);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('已存在');
  }, 180_000);

  it('refuses to restore a file that is not a gongkai backup', () => {
    const target = tempSqliteFile();
    try {
      const r = gongkaiOn(target.url, 'db', 'restore', join(REPO_ROOT, 'package.json'));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('不可用');
      expect(r.stderr).not.toMatch(/\bat .+:\d+/);
    } finally {
      target.cleanup();
    }
  });
});

const pgDumpPresent = spawnSync('pg_dump', ['--version']).status === 0;

describe.skipIf(process.env.TEST_DATABASE_URL === undefined || !pgDumpPresent)(
  'gongkai db backup and restore on PostgreSQL (pg_dump, pg_restore)',
  () => {
    const servers: ServerProcess[] = [];
    const drops: Array<() => Promise<void>> = [];
    const dir = tempSqliteFile();
    afterAll(async () => {
      for (const s of servers) await s.kill9();
      for (const drop of drops) await drop().catch(() => {});
      dir.cleanup();
    });

    it('dumps a populated schema, restores it after the schema is lost; the copy verifies and serves', async () => {
      expect(postgresAvailable).toBe(true);
      const schema = await tempPostgresSchema();
      drops.push(schema.drop);
      const server = await startServer({ databaseUrl: schema.url });
      servers.push(server);
      const { agencyId, officer, path } = await populate(server, 30);
      const dump = join(dir.path, '..', 'gongkai.dump');
      const backup = gongkaiOn(schema.url, 'db', 'backup', dump);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('pg_dump');
      await server.stop();
      const before = await storedApplications(schema.url, agencyId);

      // The schema is lost; the restore recreates it from the dump.
      await schema.drop();
      const restore = gongkaiOn(schema.url, 'db', 'restore', dump);
      expect(restore.code, restore.stderr).toBe(0);
      const after = await storedApplications(schema.url, agencyId);
      expect(after).toEqual(before);
      const verified = auditVerify(schema.url);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      await expectServes(schema.url, officer, path, 30, servers);

      // Never into a database that already holds gongkai's tables.
      const again = gongkaiOn(schema.url, 'db', 'restore', dump);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('已有 gongkai 的数据表');
    }, 180_000);
  },
);
