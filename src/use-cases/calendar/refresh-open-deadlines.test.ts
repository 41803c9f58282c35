import { expect, it } from 'vitest';
import { createTestAgency, registerTestApplication } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { momentOf } from '../../core/moment.ts';
import { getApplication } from '../../store/applications/applications.repository.ts';
import { listAuditEntries } from '../../store/audit/audit.repository.ts';
import { refreshOpenDeadlines } from './refresh-open-deadlines.ts';

const NOW = momentOf(new Date('2026-12-07T02:00:00.000Z'));

describeEachDialect('refreshOpenDeadlines', (t) => {
  it('gives a due day stored empty before issue 15 its 暂定 date, audited, once', async () => {
    const { agency } = await createTestAgency(t.db);
    const { application } = await registerTestApplication(
      t.db,
      agency.id,
      { submittedOn: '2026-12-07' },
      NOW,
    );
    // As stored before issue 15, when 2027 was refused: no answer date.
    await t.db
      .updateTable('applications')
      .set({ answer_due_on: null })
      .where('id', '=', application.id)
      .execute();
    const refresh = () => t.db.transaction().execute((trx) => refreshOpenDeadlines(trx, NOW));
    expect(await refresh()).toBe(1);
    // 12-08 … 12-31 (18), 2027-01-01 元旦 (statutory), 01-04 (19), 01-05 (20).
    expect((await getApplication(t.db, agency.id, application.id))?.answerDueOn).toBe('2027-01-05');
    const audit = await listAuditEntries(t.db, 'application', application.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'deadline.recomputed',
      before: { answerDueOn: null },
      after: { answerDueOn: '2027-01-05', reason: '依据当前节假日安排重新计算' },
    });
    expect(await refresh()).toBe(0);
  });
});
