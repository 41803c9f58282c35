import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import * as appendOnly from '../migrations/2026-11-22-010-audit-log-append-only.ts';
import { appendAudit, listAuditEntries } from './audit.repository.ts';
import { GENESIS_HASH } from './audit-hash.ts';
import { canonicalJson } from './canonical-json.ts';
import { verifyAuditChain } from './verify-audit-chains.ts';

const AT = new Date('2026-06-30T02:00:00.000Z');
const ACTOR = { userId: null, label: '系统' };

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: null }] })).toBe(
      '{"a":[{"b":null,"d":2}],"b":1}',
    );
  });
});

describeEachDialect('audit log', (t) => {
  const append = (agencyId: string | null, entityId: string, after: unknown, before: unknown = null) =>
    t.db.transaction().execute((trx) =>
      appendAudit(trx, {
        agencyId,
        at: AT,
        actor: ACTOR,
        entity: 'test',
        entityId,
        action: 'change',
        before,
        after,
      }),
    );
  const seqsOf = async (chain: string) =>
    (
      await t.db.selectFrom('audit_log').select('seq').where('chain', '=', chain).orderBy('seq').execute()
    ).map((r) => Number(r.seq));

  it('chains each entry to the previous one of its chain, from the genesis hash, the chain hashed in', async () => {
    const first = await append(null, 'a', { z: 1, a: '甲' });
    const second = await append(null, 'a', { z: 2 }, { z: 1, a: '甲' });
    const other = await append('x', 'b', { z: 3 });
    expect(first).toMatchObject({
      chain: 'system',
      seq: 1,
      prevHash: GENESIS_HASH,
      after: { a: '甲', z: 1 },
    });
    // SHA-256 of the previous hash followed by the entry (its chain included) as sorted-key JSON.
    const expected = createHash('sha256')
      .update(
        `${GENESIS_HASH}{"action":"change","actorLabel":"系统","actorUserId":null,"after":{"a":"甲","z":1},` +
          `"at":"2026-06-30T02:00:00.000Z","before":null,"chain":"system","entity":"test","entityId":"a","seq":1}`,
      )
      .digest('hex');
    expect(first.hash).toBe(expected);
    expect(second).toMatchObject({ chain: 'system', seq: 2, prevHash: first.hash });
    expect(other).toMatchObject({ chain: 'agency:x', seq: 1, prevHash: GENESIS_HASH });
    expect(await listAuditEntries(t.db, 'test', 'a')).toEqual([first, second]);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 3, chains: 2 });
  });

  it('keeps one gap-free chain per agency when 60 transactions of two agencies append at once', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => append(i % 2 ? 'p' : 'q', `c${i}`, { i })));
    const oneToThirty = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(await seqsOf('agency:p')).toEqual(oneToThirty);
    expect(await seqsOf('agency:q')).toEqual(oneToThirty);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 63, chains: 4 });
  });

  it('rolls back with the transaction that wrote it, the chain head and a new chain included', async () => {
    for (const agencyId of ['p', 'r']) {
      await expect(
        t.db.transaction().execute(async (trx) => {
          await appendAudit(trx, {
            agencyId,
            at: AT,
            actor: ACTOR,
            entity: 'test',
            entityId: 'r',
            action: 'x',
            before: null,
            after: 1,
          });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
    }
    expect(await listAuditEntries(t.db, 'test', 'r')).toEqual([]);
    expect((await append('p', 'r2', 1)).seq).toBe(31);
    expect((await append('r', 'r2', 1)).seq).toBe(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  // SQLite has one writer at a time: the question is PostgreSQL's alone (registered there, never skipped).
  if (t.dialect === 'postgres') {
    it('lets writers of other agencies through while a transaction holds one agency’s chain, and makes the same agency wait', async () => {
      await append('w1', 'w', 0);
      let release!: () => void;
      let locked!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = t.db.transaction().execute(async (trx) => {
        await appendAudit(trx, {
          agencyId: 'w1',
          at: AT,
          actor: ACTOR,
          entity: 'test',
          entityId: 'w',
          action: 'held',
          before: null,
          after: 1,
        });
        locked();
        await held;
      });
      await lockTaken;
      try {
        // Another agency, and the system chain, append and commit while w1's head is locked.
        expect((await append('w2', 'w', 1)).seq).toBe(1);
        expect((await append(null, 'w', 1)).chain).toBe('system');
        let sameAgencyDone = false;
        const sameAgency = append('w1', 'w', 2).then((entry) => {
          sameAgencyDone = true;
          return entry;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(sameAgencyDone).toBe(false);
        release();
        await holder;
        expect((await sameAgency).seq).toBe(3);
      } finally {
        release();
        await holder;
      }
      expect(await seqsOf('agency:w1')).toEqual([1, 2, 3]);
    });
  }

  it('finds the first altered, removed or forged row, and removed newest rows, once the triggers are gone', async () => {
    for (let i = 1; i <= 10; i += 1) await append('t', `t${i}`, { i });
    const chain = 'agency:t';
    const row = (seq: number) =>
      t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', chain)
        .where('seq', '=', seq)
        .executeTakeFirstOrThrow();
    const bad = async () => (await verifyAuditChain(t.db)).firstBad;
    // Someone with the database owner's rights drops the triggers and edits history.
    await appendOnly.down(t.db);
    try {
      const fifth = await row(5);
      const edit = (set: { after_json?: string; hash?: string }, seq = 5) =>
        t.db.updateTable('audit_log').set(set).where('chain', '=', chain).where('seq', '=', seq).execute();
      await edit({ after_json: '{"i":999}' });
      expect(await bad()).toEqual({ chain, seq: 5, problem: 'link' });
      await edit({ after_json: fifth.after_json! });
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
      // Recomputing the row's own hash does not help: the next row's prev_hash gives it away.
      await edit({ hash: 'f'.repeat(64) });
      expect(await bad()).toEqual({ chain, seq: 5, problem: 'link' });
      await edit({ hash: fifth.hash });

      const seventh = await row(7);
      await t.db.deleteFrom('audit_log').where('chain', '=', chain).where('seq', '=', 7).execute();
      expect(await bad()).toEqual({ chain, seq: 8, problem: 'link' });
      await t.db
        .insertInto('audit_log')
        .values({ ...fifth, seq: 7 })
        .execute();
      expect(await bad()).toEqual({ chain, seq: 7, problem: 'link' });
      await t.db.deleteFrom('audit_log').where('chain', '=', chain).where('seq', '=', 7).execute();
      await t.db.insertInto('audit_log').values(seventh).execute();
      expect((await verifyAuditChain(t.db)).ok).toBe(true);

      // Deleting the newest entries leaves the chain head pointing past the end.
      const tenth = await row(10);
      await t.db.deleteFrom('audit_log').where('chain', '=', chain).where('seq', '=', 10).execute();
      expect(await bad()).toEqual({ chain, seq: 10, problem: 'head' });
      await t.db.insertInto('audit_log').values(tenth).execute();
    } finally {
      await appendOnly.up(t.db);
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    await expect(sql`delete from audit_log where seq = 1`.execute(t.db)).rejects.toThrow('append-only');
    await expect(
      sql`update audit_chains set last_seq = 9 where chain = ${chain}`.execute(t.db),
    ).rejects.toThrow('only advance');
    await expect(sql`delete from audit_chains where chain = ${chain}`.execute(t.db)).rejects.toThrow(
      'only advance',
    );
  });
});
