import { afterAll, describe, expect, it } from 'vitest';
import { gongkai } from '../../../test/support/run-cli.ts';
import { tamperWithAuditEntry } from '../../../test/support/server-tamper-audit.ts';
import { tempSqliteFile } from '../../../test/support/store-test-db.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import { openDatabase } from '../../store/dialect.ts';
import { MIGRATIONS } from '../../store/migrations/migrate.ts';
import { verifyAudit } from './audit.ts';
import { migrateDatabase } from './db.ts';

const file = tempSqliteFile();
afterAll(() => file.cleanup());

function capture() {
  const parts: string[] = [];
  return { write: (t: string) => void parts.push(t), text: () => parts.join('') };
}

async function appendEntries(url: string, n: number): Promise<void> {
  const opened = openDatabase(url);
  try {
    for (let i = 0; i < n; i += 1) {
      await opened.db.transaction().execute((trx) =>
        appendAudit(trx, {
          agencyId: null,
          at: new Date('2026-06-30T02:00:00.000Z'),
          actor: { userId: null, label: '测试' },
          entity: 'test',
          entityId: `e${i}`,
          action: 'change',
          before: null,
          after: { i },
        }),
      );
    }
  } finally {
    await opened.close();
  }
}

describe('gongkai db migrate', () => {
  it('applies every migration once and lists them, then has nothing to do', async () => {
    const first = capture();
    expect(await migrateDatabase(file.url, first.write)).toBe(0);
    expect(first.text()).toContain(`已应用 ${Object.keys(MIGRATIONS).length} 项迁移`);
    expect(first.text()).toContain('2026-11-22-001-regions');
    const second = capture();
    expect(await migrateDatabase(file.url, second.write)).toBe(0);
    expect(second.text()).toContain('已是最新结构');
  });
});

describe('gongkai audit verify', () => {
  it('reports a complete chain with its length and exit 0, and the first altered entry with exit 1', async () => {
    await appendEntries(file.url, 3);
    const ok = capture();
    expect(await verifyAudit(file.url, ok.write, { env: {} })).toBe(0);
    expect(ok.text()).toBe(
      '审计日志完整：1 条链，共 3 条\n' +
        '警告：未配置审计锚点（AUDIT_ANCHOR_KEY_FILE，或 --anchors 与 --public-key），无法发现整条链被重算或最新记录被删除\n',
    );

    const opened = openDatabase(file.url);
    await tamperWithAuditEntry(opened.db, 'system', 2, '{"i":999}');
    await opened.close();
    const bad = capture();
    expect(await verifyAudit(file.url, bad.write, { env: {} })).toBe(1);
    expect(bad.text()).toContain('审计日志不完整：链 system 第 2 条与之前的记录对不上');
    expect(bad.text()).toMatch(/第 2 条：2026-06-30T02:00:00.000Z {2}测试 {2}test e1 {2}change/);
  });

  it('refuses a SQLite file that does not exist instead of creating it', async () => {
    await expect(verifyAudit('sqlite:/nonexistent/dir/gongkai.db', () => {})).rejects.toThrow('不存在');
  });

  it('runs as a command: exit code and output', () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = file.url;
    try {
      const r = gongkai('audit', 'verify');
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('审计日志不完整');
      const m = gongkai('db', 'migrate');
      expect(m.code).toBe(0);
      expect(m.stdout).toContain('已是最新结构');
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
