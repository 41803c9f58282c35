import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { tamperWithAuditEntry } from '../../../test/support/server-tamper-audit.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { verifyAuditChain } from '../audit/verify-audit-chains.ts';
import { MIGRATIONS } from './migrate.ts';

/** An entry as the single chain before migration 020 wrote it: SHA-256(prev ‖ sorted-key JSON without a chain). */
function oldEntry(seq: number, prevHash: string) {
  const at = `2026-0${seq}-01T00:00:00.000Z`;
  const after = `{"n":${seq}}`;
  const hashed =
    `{"action":"create","actorLabel":"系统","actorUserId":null,"after":${after},"at":"${at}","before":null,` +
    `"entity":"application","entityId":"old-${seq}","seq":${seq}}`;
  return {
    seq,
    at,
    actor_user_id: null,
    actor_label: '系统',
    entity: 'application',
    entity_id: `old-${seq}`,
    action: 'create',
    before_json: null,
    after_json: after,
    prev_hash: prevHash,
    hash: createHash('sha256')
      .update(prevHash + hashed)
      .digest('hex'),
  };
}

describeEachDialect(
  'migrations 020–021: audit chains',
  (t) => {
    it('keeps the old single chain verifiable as the legacy chain, which new chains start from', async () => {
      const names = Object.keys(MIGRATIONS);
      for (const name of names.filter((n) => n < '2026-12-07-020')) await MIGRATIONS[name]!.up(t.db);
      const old: Array<ReturnType<typeof oldEntry>> = [];
      for (let seq = 1; seq <= 4; seq += 1) old.push(oldEntry(seq, old.at(-1)?.hash ?? '0'.repeat(64)));
      // biome-ignore lint/suspicious/noExplicitAny: the table as it was before migration 020 (no chain column).
      await (t.db as any).insertInto('audit_log').values(old).execute();
      for (const name of names.filter((n) => n >= '2026-12-07-020')) await MIGRATIONS[name]!.up(t.db);

      expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 4, chains: 1 });
      const legacyHead = old.at(-1)!.hash;
      const write = (agencyId: string | null) =>
        t.db.transaction().execute((trx) =>
          appendAudit(trx, {
            agencyId,
            at: new Date('2026-12-07T00:00:00.000Z'),
            actor: { userId: null, label: '系统' },
            entity: 'application',
            entityId: 'new',
            action: 'create',
            before: null,
            after: null,
          }),
        );
      expect(await write('n')).toMatchObject({ chain: 'agency:n', seq: 1, prevHash: legacyHead });
      expect(await write(null)).toMatchObject({ chain: 'system', seq: 1, prevHash: legacyHead });
      expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 6, chains: 3 });
      await expect(sql`delete from audit_log where chain = 'legacy'`.execute(t.db)).rejects.toThrow(
        'append-only',
      );

      await tamperWithAuditEntry(t.db, 'legacy', 2, '{"n":99}');
      expect((await verifyAuditChain(t.db)).firstBad).toEqual({ chain: 'legacy', seq: 2, problem: 'link' });
    });
  },
  { migrate: false },
);
