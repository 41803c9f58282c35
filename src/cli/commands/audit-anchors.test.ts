import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gongkai } from '../../../test/support/run-cli.ts';
import { deleteNewestAuditEntries, rewriteAuditChain } from '../../../test/support/server-tamper-audit.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import { openDatabase } from '../../store/dialect.ts';
import { migrateToLatest } from '../../store/migrations/migrate.ts';
import { createAgency, createRegion } from '../../store/organisation/organisation.repository.ts';
import { verifyAudit } from './audit.ts';
import { anchorNow, describeAnchors, generateAnchorKey } from './audit-anchors.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-cli-'));
const url = `sqlite:${join(dir, 'gongkai.db')}`;
const keyFile = join(dir, 'anchor-key.pem');
const anchorsFile = join(dir, 'anchors', 'audit-anchors.jsonl');
const env = { AUDIT_ANCHOR_KEY_FILE: keyFile, AUDIT_ANCHOR_FILE: anchorsFile };
let agencyId = '';

function capture() {
  const parts: string[] = [];
  return { write: (t: string) => void parts.push(t), text: () => parts.join('') };
}

async function withDb<T>(work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const opened = openDatabase(url);
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  await withDb(async (db) => {
    await migrateToLatest(db);
    const region = await createRegion(db, {
      code: '640502',
      name: '沙坡头区',
      level: 'county',
      parentId: null,
    });
    agencyId = (
      await createAgency(db, { regionId: region.id, name: '沙坡头区交通运输局', kind: 'department' })
    ).id;
    for (let i = 0; i < 6; i += 1) {
      await db.transaction().execute((trx) =>
        appendAudit(trx, {
          agencyId: i < 4 ? agencyId : null,
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
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gongkai audit keygen, anchor, anchors, verify', () => {
  it('generates a key pair once, the private key readable by its owner only', () => {
    const out = capture();
    expect(generateAnchorKey(keyFile, out.write)).toBe(0);
    expect(out.text()).toContain('已生成审计锚点签名密钥（Ed25519）');
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(readFileSync(`${keyFile}.pub`, 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect(() => generateAnchorKey(keyFile, () => {})).toThrow('已存在，不覆盖');
  });

  it('says anchors are not configured without a key, and refuses to write one', async () => {
    const out = capture();
    expect(await verifyAudit(url, out.write, { env: {} })).toBe(0);
    expect(out.text()).toContain('警告：未配置审计锚点');
    await expect(anchorNow(url, () => {}, {})).rejects.toThrow('未配置审计锚点签名私钥');
  });

  it('writes an anchor, prints it for the archive, and verifies against it', async () => {
    const out = capture();
    expect(await anchorNow(url, out.write, env)).toBe(0);
    expect(out.text()).toContain('2 条链共 6 条记录');
    expect(existsSync(anchorsFile)).toBe(true);
    const printed = describeAnchors(anchorsFile, readFileSync(anchorsFile, 'utf8'), true, new Date());
    expect(printed).toMatch(new RegExp(`agency:${agencyId} +第 4 条  [0-9a-f]{64}`));
    expect(printed).toMatch(/system +第 2 条/);
    const ok = capture();
    expect(await verifyAudit(url, ok.write, { env })).toBe(0);
    expect(ok.text()).toContain('锚点相符：1 个锚点签名有效');
  });

  it('reports rewritten and truncated history in Chinese, naming the agency, with exit 1', async () => {
    await withDb((db) => rewriteAuditChain(db, `agency:${agencyId}`, 2, '{"i":999}'));
    await withDb((db) => deleteNewestAuditEntries(db, 'system', 1));
    const out = capture();
    expect(
      await verifyAudit(url, out.write, { env: {}, anchors: anchorsFile, publicKey: `${keyFile}.pub` }),
    ).toBe(1);
    expect(out.text()).toContain('审计日志完整：2 条链，共 5 条');
    expect(out.text()).toContain(`链 agency:${agencyId}（沙坡头区交通运输局） 被改写：第 4 条的哈希与`);
    expect(out.text()).toContain('链 system 被截短：');
    expect(out.text()).toContain('记录到第 2 条，现在只到第 1 条');
    await expect(verifyAudit(url, () => {}, { env: {}, anchors: join(dir, 'none.jsonl') })).rejects.toThrow(
      '不存在',
    );
  });

  // Each run starts a gongkai process: slow on a loaded machine.
  it('runs as commands', { timeout: 120_000 }, () => {
    const saved = { ...process.env };
    Object.assign(process.env, env, { DATABASE_URL: url });
    try {
      const listed = gongkai('audit', 'anchors');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain('共 1 个锚点');
      const verified = gongkai('audit', 'verify');
      expect(verified.code).toBe(1);
      expect(verified.stdout).toContain('被改写');
    } finally {
      process.env = saved;
    }
  });
});
