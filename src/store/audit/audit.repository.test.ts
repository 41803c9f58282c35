import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import * as appendOnly from '../migrations/2026-11-22-010-audit-log-append-only.ts';
import { appendAudit, GENESIS_HASH, listAuditEntries, verifyAuditChain } from './audit.repository.ts';
import { canonicalJson } from './canonical-json.ts';

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
  const append = (entityId: string, after: unknown, before: unknown = null) =>
    t.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, { at: AT, actor: ACTOR, entity: 'test', entityId, action: 'change', before, after }),
      );

  it('chains each entry to the previous one from the genesis hash', async () => {
    const first = await append('a', { z: 1, a: '甲' });
    const second = await append('a', { z: 2 }, { z: 1, a: '甲' });
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, after: { a: '甲', z: 1 } });
    expect(second.prevHash).toBe(first.hash);
    expect(second.seq).toBe(2);
    expect(await listAuditEntries(t.db, 'test', 'a')).toEqual([first, second]);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 2 });
  });

  it('stays one chain when 60 transactions append at once', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => append(`c${i}`, { i })));
    const verification = await verifyAuditChain(t.db);
    expect(verification).toEqual({ ok: true, entries: 62 });
  });

  it('rolls back with the transaction that wrote it', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await appendAudit(trx, {
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
    expect(await listAuditEntries(t.db, 'test', 'r')).toEqual([]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('finds the first altered, removed or forged row once the append-only triggers are gone', async () => {
    // Someone with the database owner's rights drops the triggers and edits history.
    await appendOnly.down(t.db);
    try {
      const original = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 5)
        .executeTakeFirstOrThrow();
      await t.db.updateTable('audit_log').set({ after_json: '{"i":999}' }).where('seq', '=', 5).execute();
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, entries: 5, firstBadSeq: 5 });

      // Recomputing the row's own hash does not help: the next row's prev_hash gives it away.
      await t.db
        .updateTable('audit_log')
        .set({ after_json: original.after_json })
        .where('seq', '=', 5)
        .execute();
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
      await t.db
        .updateTable('audit_log')
        .set({ hash: 'f'.repeat(64) })
        .where('seq', '=', 5)
        .execute();
      expect((await verifyAuditChain(t.db)).firstBadSeq).toBe(5);
      await t.db.updateTable('audit_log').set({ hash: original.hash }).where('seq', '=', 5).execute();

      await t.db.deleteFrom('audit_log').where('seq', '=', 7).execute();
      expect(await verifyAuditChain(t.db)).toEqual({ ok: false, entries: 7, firstBadSeq: 8 });
      await t.db
        .insertInto('audit_log')
        .values({ ...original, seq: 7 })
        .execute();
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBadSeq: 7 });
    } finally {
      await appendOnly.up(t.db);
    }
    await expect(sql`delete from audit_log where seq = 1`.execute(t.db)).rejects.toThrow('append-only');
  });
});
