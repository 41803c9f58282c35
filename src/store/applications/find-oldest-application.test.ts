import { expect, it } from 'vitest';
import { createTestAgency, registerTestApplication } from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { findOldestApplication } from './find-oldest-application.ts';

describeEachDialect('findOldestApplication', (t) => {
  it('finds the application received first, among the agency’s own only', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    expect(await findOldestApplication(t.db, agency.id)).toBeNull();
    await registerTestApplication(t.db, other.id, { submittedOn: '2026-02-02' });
    await registerTestApplication(t.db, agency.id, { submittedOn: '2026-03-04' });
    const { application: first } = await registerTestApplication(t.db, agency.id, {
      submittedOn: '2026-03-02',
    });
    expect(await findOldestApplication(t.db, agency.id)).toEqual({ id: first.id, receivedOn: '2026-03-02' });
  });
});
