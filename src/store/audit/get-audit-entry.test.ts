import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { appendAudit, getAuditEntry } from './audit.repository.ts';

describeEachDialect('getAuditEntry', (t) => {
  it('returns an entry by its chain and seq, and null past the end or in another chain', async () => {
    const written = await t.db.transaction().execute((trx) =>
      appendAudit(trx, {
        agencyId: 'a1',
        at: new Date('2026-06-30T02:00:00.000Z'),
        actor: { userId: null, label: '系统' },
        entity: 'test',
        entityId: 'a',
        action: 'change',
        before: null,
        after: { z: 1 },
      }),
    );
    expect(written.chain).toBe('agency:a1');
    expect(await getAuditEntry(t.db, 'agency:a1', written.seq)).toEqual(written);
    expect(await getAuditEntry(t.db, 'agency:a1', written.seq + 1)).toBeNull();
    expect(await getAuditEntry(t.db, 'system', written.seq)).toBeNull();
  });
});
