import { expect, it } from 'vitest';
import { random } from '../../../test/support/random.ts';
import {
  createTestAgency,
  registerTestApplication,
  TEST_ACTOR,
  TEST_NOW,
} from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { CASE_KINDS, CASE_RESULTS } from '../../core/cases/case.ts';
import { addDays } from '../../core/dates.ts';
import type { AppError } from '../../core/errors.ts';
import { getCase, listCases, type StoredCase } from '../../store/cases/cases.repository.ts';
import { decideCase } from './decide-case.ts';
import { fileCase } from './file-case.ts';

const code = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e.code,
  );

describeEachDialect('cases repository', (t) => {
  it('filters by kind, open or decided, and filing year as an in-memory filter does', async () => {
    const rand = random(5);
    const { agency } = await createTestAgency(t.db);
    const cases: StoredCase[] = [];
    for (let i = 0; i < 40; i += 1) {
      const filedOn = addDays('2024-01-01', Math.floor(rand() * 900));
      const decidedOn = addDays(filedOn, Math.floor(rand() * 200));
      const stored = await t.db.transaction().execute(async (trx) => {
        const c = await fileCase(trx, agency.id, { kind: CASE_KINDS[i % 3]!, filedOn }, TEST_ACTOR, TEST_NOW);
        return rand() < 0.6 && decidedOn <= TEST_NOW.today
          ? decideCase(
              trx,
              agency.id,
              c.id,
              { result: CASE_RESULTS[i % 3]!, decidedOn },
              1,
              TEST_ACTOR,
              TEST_NOW,
            )
          : c;
      });
      cases.push(stored);
    }
    const ids = (xs: StoredCase[]) => xs.map((c) => c.id).sort();
    const list = (filters: Parameters<typeof listCases>[2]) =>
      listCases(t.db, agency.id, filters, { limit: 1000 });
    expect(ids(await list({ open: true }))).toEqual(ids(cases.filter((c) => c.decidedOn === null)));
    expect(ids(await list({ open: false }))).toEqual(ids(cases.filter((c) => c.decidedOn !== null)));
    expect(ids(await list({ kind: 'litigationDirect', filedYear: 2025 }))).toEqual(
      ids(cases.filter((c) => c.kind === 'litigationDirect' && c.filedOn.startsWith('2025-'))),
    );
    expect((await list({ open: true })).length).toBeGreaterThan(0);
  });

  it('links a case only to an application of the same agency received before the filing', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    const { application } = await registerTestApplication(t.db, agency.id, { submittedOn: '2025-03-03' });
    const file = (agencyId: string, filedOn: string) =>
      t.db
        .transaction()
        .execute((trx) =>
          fileCase(
            trx,
            agencyId,
            { kind: 'review', filedOn, applicationId: application.id },
            TEST_ACTOR,
            TEST_NOW,
          ),
        );
    expect(await code(file(other.id, '2025-05-05'))).toBe('NOT_FOUND');
    expect(await code(file(agency.id, '2025-03-02'))).toBe('INVALID_INPUT');
    const linked = await file(agency.id, '2025-03-03');
    expect(await getCase(t.db, agency.id, linked.id)).toMatchObject({
      applicationId: application.id,
      result: null,
    });
    expect(await getCase(t.db, other.id, linked.id)).toBeNull();
  });
});
