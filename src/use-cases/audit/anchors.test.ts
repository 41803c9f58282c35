import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteNewestAuditEntries, rewriteAuditChain } from '../../../test/support/server-tamper-audit.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import { verifyAuditChain } from '../../store/audit/verify-audit-chains.ts';
import { generateAnchorKeyPair, readAnchorPublicKey, readAnchorSigningKey } from './anchor-key.ts';
import { checkAuditAnchors } from './check-anchors.ts';
import { lastLineOf, writeAnchor, writeAnchorIfDue } from './write-anchor.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-anchors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function keyFiles(name: string): { privateFile: string; publicFile: string } {
  const pair = generateAnchorKeyPair();
  const privateFile = join(dir, `${name}.pem`);
  writeFileSync(privateFile, pair.privatePem);
  writeFileSync(`${privateFile}.pub`, pair.publicPem);
  return { privateFile, publicFile: `${privateFile}.pub` };
}

describe('lastLineOf', () => {
  it('reads the last line from the end of the file, however long, and says when it was cut short', () => {
    const file = join(dir, 'lines.txt');
    const long = `{"x":"${'甲'.repeat(100_000)}"}`;
    writeFileSync(file, `first\n${long}\n`);
    expect(lastLineOf(file)).toEqual({ line: long, endsWithNewline: true });
    writeFileSync(file, `first\n${long}\ncut sho`);
    expect(lastLineOf(file)).toEqual({ line: 'cut sho', endsWithNewline: false });
    expect(lastLineOf(join(dir, 'absent.txt'))).toEqual({ line: '', endsWithNewline: true });
  });
});

describeEachDialect('audit anchors', (t) => {
  const files = keyFiles(`key-${Math.random().toString(36).slice(2)}`);
  const key = readAnchorSigningKey(files.privateFile);
  const publicKey = readAnchorPublicKey(files.publicFile);
  const anchors = join(dir, `anchors-${Math.random().toString(36).slice(2)}.jsonl`);
  const append = (agencyId: string | null, i: number) =>
    t.db.transaction().execute((trx) =>
      appendAudit(trx, {
        agencyId,
        at: new Date('2026-06-30T02:00:00.000Z'),
        actor: { userId: null, label: '测试' },
        entity: 'test',
        entityId: `e${i}`,
        action: 'change',
        before: null,
        after: { i },
      }),
    );
  const appendMany = async (agencyId: string | null, n: number) => {
    for (let i = 0; i < n; i += 1) await append(agencyId, i);
  };
  const check = async () => checkAuditAnchors(t.db, readFileSync(anchors, 'utf8'), publicKey);

  it('signs every chain head, links each anchor to the line before, and finds nothing on an untouched log', async () => {
    await appendMany('a', 5);
    await appendMany('b', 4);
    await appendMany(null, 2);
    const first = await writeAnchor(t.db, key, anchors, new Date('2026-12-06T16:00:00.000Z'));
    expect(first.heads.map((h) => [h.chain, h.seq])).toEqual([
      ['agency:a', 5],
      ['agency:b', 4],
      ['system', 2],
    ]);
    expect(first.prev).toBe('0'.repeat(64));
    await appendMany('a', 2);
    await writeAnchor(t.db, key, anchors, new Date('2026-12-07T16:00:00.000Z'));
    const lines = readFileSync(anchors, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!).prev).toBe(createHash('sha256').update(lines[0]!).digest('hex'));
    expect(await check()).toEqual({
      anchors: 2,
      signed: 2,
      latestAt: '2026-12-07T16:00:00.000Z',
      chains: 3,
      findings: [],
    });
  });

  it('writes a scheduled anchor only when the newest is older than the interval', async () => {
    const day = 24 * 3_600_000;
    expect(await writeAnchorIfDue(t.db, key, anchors, new Date('2026-12-08T15:00:00.000Z'), day)).toBeNull();
    expect(
      await writeAnchorIfDue(t.db, key, anchors, new Date('2026-12-08T16:00:00.000Z'), day),
    ).not.toBeNull();
    expect((await check()).findings).toEqual([]);
  });

  it('detects history rewritten with every following hash recomputed, which the chains alone cannot', async () => {
    await rewriteAuditChain(t.db, 'agency:a', 3, '{"i":999}');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect((await check()).findings).toEqual([
      { kind: 'rewritten', lineNumber: 3, at: '2026-12-08T16:00:00.000Z', chain: 'agency:a', seq: 7 },
    ]);
  });

  it('detects the newest entries deleted, head moved back included, as truncation', async () => {
    await deleteNewestAuditEntries(t.db, 'agency:b', 2);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect((await check()).findings).toContainEqual({
      kind: 'truncated',
      lineNumber: 3,
      at: '2026-12-08T16:00:00.000Z',
      chain: 'agency:b',
      seq: 4,
      lastSeq: 2,
    });
  });

  it('refuses anchors forged with another key or altered, and notices an anchor removed', async () => {
    const lines = readFileSync(anchors, 'utf8').trimEnd().split('\n');
    // A forger re-signs the altered history with a key of their own, claiming the real key's id.
    const forger = readAnchorSigningKey(keyFiles('forger').privateFile);
    const forgedFile = join(dir, 'forged.jsonl');
    writeFileSync(forgedFile, `${lines.join('\n')}\n`);
    const forged = await writeAnchor(
      t.db,
      { ...forger, keyId: key.keyId },
      forgedFile,
      new Date('2026-12-09T16:00:00.000Z'),
    );
    expect(forged.keyId).toBe(key.keyId);
    const onForged = await checkAuditAnchors(t.db, readFileSync(forgedFile, 'utf8'), publicKey);
    expect(onForged.findings).toContainEqual({
      kind: 'bad-signature',
      lineNumber: 4,
      at: '2026-12-09T16:00:00.000Z',
      keyId: key.keyId,
    });
    // The forged anchor is not believed: the rewrite is still reported against the genuine one.
    expect(onForged.findings.filter((f) => f.kind === 'rewritten')).toHaveLength(1);

    const altered = lines[0]!.replace('"seq":5', '"seq":6');
    expect(altered).not.toBe(lines[0]);
    const onAltered = await checkAuditAnchors(t.db, [altered, ...lines.slice(1)].join('\n'), publicKey);
    expect(onAltered.findings[0]).toMatchObject({ kind: 'bad-signature', lineNumber: 1 });

    const onRemoved = await checkAuditAnchors(t.db, [lines[0], lines[2]].join('\n'), publicKey);
    expect(onRemoved.findings[0]).toEqual({
      kind: 'broken-link',
      lineNumber: 2,
      at: '2026-12-08T16:00:00.000Z',
    });
  });
});
