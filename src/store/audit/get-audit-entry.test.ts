import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { appendAudit, getAuditEntry } from './audit.repository.ts';

describeEachDialect('getAuditEntry', (t) => {
  it('returns an entry by its seq, and null past the end', async () => {
    const written = await t.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: new Date('2026-06-30T02:00:00.000Z'),
        actor: { userId: null, label: '系统' },
        entity: 'test',
        entityId: 'a',
        action: 'change',
        before: null,
        after: { z: 1 },
      }),
    );
    expect(await getAuditEntry(t.db, written.seq)).toEqual(written);
    expect(await getAuditEntry(t.db, written.seq + 1)).toBeNull();
  });
});
