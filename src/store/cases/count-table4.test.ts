import { expect, it } from 'vitest';
import { random } from '../../../test/support/random.ts';
import { decideCase, fileCase } from '../../../test/support/record-writes.ts';
import {
  createTestAgency,
  registerTestApplication,
  TEST_ACTOR,
  TEST_NOW,
} from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { assembleTable4 } from '../../core/cases/assemble-table4.ts';
import { CASE_KINDS, CASE_RESULTS, type CaseFacts } from '../../core/cases/case.ts';
import { addDays } from '../../core/dates.ts';
import { countTable4 } from './count-table4.ts';

const TODAY = TEST_NOW.today;

describeEachDialect('countTable4', (t) => {
  async function record(agencyId: string, c: CaseFacts, applicationId: string | null = null): Promise<void> {
    await t.db.transaction().execute(async (trx) => {
      const stored = await fileCase(
        trx,
        agencyId,
        { kind: c.kind, filedOn: c.filedOn, applicationId },
        TEST_ACTOR,
        TEST_NOW,
      );
      if (c.decidedOn !== null && c.result !== null) {
        await decideCase(
          trx,
          agencyId,
          stored.id,
          { result: c.result, decidedOn: c.decidedOn },
          1,
          TEST_ACTOR,
          TEST_NOW,
        );
      }
    });
  }

  it('equals the core assembleTable4 on random cases, for every year', async () => {
    for (const seed of [1, 2]) {
      const rand = random(seed);
      const { agency } = await createTestAgency(t.db);
      const cases: CaseFacts[] = [];
      for (let i = 0; i < 150; i += 1) {
        const filedOn = addDays('2023-01-01', Math.floor(rand() * 1100));
        const decidedOn = addDays(filedOn, Math.floor(rand() * 400));
        const decided = rand() < 0.7 && decidedOn <= TODAY;
        const c: CaseFacts = {
          kind: CASE_KINDS[Math.floor(rand() * 3)]!,
          filedOn,
          decidedOn: decided ? decidedOn : null,
          result: decided ? CASE_RESULTS[Math.floor(rand() * 3)]! : null,
        };
        cases.push(c);
        await record(agency.id, c);
      }
      const t2024 = assembleTable4(cases, 2024);
      expect(Object.values(t2024).every((row) => row.every((n) => n! > 0))).toBe(true);
      for (const year of [2022, 2023, 2024, 2025, 2026]) {
        expect(await countTable4(t.db, agency.id, year), `seed ${seed}, year ${year}`).toEqual(
          assembleTable4(cases, year),
        );
      }
    }
  });

  it('counts a case pending over the year end as 尚未审结, then with its result', async () => {
    const { agency } = await createTestAgency(t.db);
    const { application } = await registerTestApplication(t.db, agency.id, { submittedOn: '2024-01-08' });
    const cases: CaseFacts[] = [
      { kind: 'review', filedOn: '2024-12-31', decidedOn: '2025-01-01', result: 'corrected' },
      { kind: 'review', filedOn: '2024-02-01', decidedOn: '2024-12-31', result: 'upheld' },
      { kind: 'litigationDirect', filedOn: '2024-11-11', decidedOn: null, result: null },
      { kind: 'litigationAfterReview', filedOn: '2025-01-01', decidedOn: '2025-03-03', result: 'other' },
    ];
    for (const c of cases) await record(agency.id, c, application.id);
    expect(await countTable4(t.db, agency.id, 2024)).toEqual({
      review: [1, 0, 0, 1, 2],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReview: [0, 0, 0, 0, 0],
    });
    expect(await countTable4(t.db, agency.id, 2025)).toEqual({
      review: [0, 1, 0, 0, 1],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReview: [0, 0, 1, 0, 1],
    });
    for (const year of [2023, 2024, 2025, 2026]) {
      expect(await countTable4(t.db, agency.id, year)).toEqual(assembleTable4(cases, year));
    }
  });

  it('counts nothing of another agency', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    await record(other.id, { kind: 'review', filedOn: '2025-05-05', decidedOn: null, result: null });
    expect(await countTable4(t.db, agency.id, 2025)).toEqual(assembleTable4([], 2025));
  });
});
