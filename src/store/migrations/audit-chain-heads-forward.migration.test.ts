import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { appendAuditEntries } from '../audit/audit.repository.ts';
import { verifyAuditChain } from '../audit/verify-audit-chains.ts';

describeEachDialect('migration 2026-12-07-110: audit chain heads move forward only', (t) => {
  async function chainWithThreeEntries(): Promise<string> {
    const agencyId = randomUUID();
    const entry = (i: number) => ({
      agencyId,
      at: new Date('2026-06-30T02:00:00.000Z'),
      actor: { userId: null, label: '系统' },
      entity: 'application',
      entityId: `a-${i}`,
      action: 'register',
      before: null,
      after: { i },
    });
    // Three entries appended together: the head moves from 0 to 3 in one update.
    await t.db.transaction().execute((trx) => appendAuditEntries(trx, [entry(1), entry(2), entry(3)]));
    return `agency:${agencyId}`;
  }

  const moveHead = (chain: string, set: ReturnType<typeof sql>) =>
    sql`update audit_chains set ${set} where chain = ${chain}`.execute(t.db);

  it('lets a head move several entries forward, and the chain verifies', async () => {
    const chain = await chainWithThreeEntries();
    const head = await t.db
      .selectFrom('audit_chains')
      .selectAll()
      .where('chain', '=', chain)
      .executeTakeFirstOrThrow();
    expect(Number(head.last_seq)).toBe(3);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('refuses to move a head back, to leave it in place, to move it to another chain or to delete it', async () => {
    const chain = await chainWithThreeEntries();
    await expect(moveHead(chain, sql`last_seq = 2`)).rejects.toThrow(/only advance forward/);
    await expect(moveHead(chain, sql`last_seq = 3, last_hash = ${'0'.repeat(64)}`)).rejects.toThrow(
      /only advance forward/,
    );
    await expect(moveHead(chain, sql`chain = ${`${chain}-x`}, last_seq = 4`)).rejects.toThrow(
      /only advance forward/,
    );
    await expect(sql`delete from audit_chains where chain = ${chain}`.execute(t.db)).rejects.toThrow(
      /only advance/,
    );
    const head = await t.db
      .selectFrom('audit_chains')
      .selectAll()
      .where('chain', '=', chain)
      .executeTakeFirstOrThrow();
    expect(Number(head.last_seq)).toBe(3);
  });

  it('still reports a head moved past the chain’s last entry', async () => {
    const chain = await chainWithThreeEntries();
    await moveHead(chain, sql`last_seq = 5`);
    const verification = await verifyAuditChain(t.db);
    expect(verification.ok).toBe(false);
  });
});
