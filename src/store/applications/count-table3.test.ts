import { expect, it } from 'vitest';
import {
  applyTestEvent,
  createTestAgency,
  registerTestApplication,
} from '../../../test/support/store-factories.ts';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { APPLICANT_TYPES, type ApplicationEvent, type Outcome } from '../../core/applications/application.ts';
import { assembleTable3 } from '../../core/applications/assemble-table3.ts';
import { addDays, type IsoDate } from '../../core/dates.ts';
import { TABLE3_OUTCOME_KEYS } from '../../core/report/labels.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import { countTable3 } from './count-table3.ts';
import type { StoredApplication } from './stored-application.ts';

const TODAY: IsoDate = '2026-06-30';

const random = seededRandom;

const ANSWERS = TABLE3_OUTCOME_KEYS.filter(
  (k) => k !== 'other.noCorrection' && k !== 'other.noFee' && k !== 'unable.stillUnclear',
) as Outcome[];

/** A random history ending open or concluded, every date between receipt and TODAY. */
function randomHistory(rand: () => number, receivedOn: IsoDate): ApplicationEvent[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  let day = receivedOn;
  const next = () => {
    const d = addDays(day, Math.floor(rand() * 120));
    day = d > TODAY ? TODAY : d;
    return day;
  };
  switch (pick(['open', 'answer', 'answer', 'answer', 'withdraw', 'lapse', 'unclear', 'fee'] as const)) {
    case 'open':
      return rand() < 0.5 ? [] : [{ type: 'correction-requested', on: next() }];
    case 'answer':
      return [{ type: 'answered', on: next(), outcome: pick(ANSWERS) }];
    case 'withdraw':
      return [{ type: 'withdrawn', on: next() }];
    case 'lapse':
      return [
        { type: 'correction-requested', on: next() },
        { type: 'correction-lapsed', on: next() },
      ];
    case 'unclear':
      return [
        { type: 'correction-requested', on: next() },
        { type: 'correction-received', on: next() },
        { type: 'answered', on: next(), outcome: 'unable.stillUnclear' },
      ];
    case 'fee':
      return [
        { type: 'fee-notice', on: next(), amountYuan: 100, basis: { method: 'per-page', pages: 40 } },
        { type: 'fee-lapsed', on: next() },
      ];
  }
}

describeEachDialect('countTable3', (t) => {
  it('equals the core assembleTable3 on random applications, for every year', async () => {
    for (const seed of [1, 2]) {
      const rand = random(seed);
      const { agency } = await createTestAgency(t.db);
      const stored: StoredApplication[] = [];
      for (let i = 0; i < 70; i += 1) {
        const receivedOn = addDays('2024-01-01', Math.floor(rand() * 900));
        let { application } = await registerTestApplication(t.db, agency.id, {
          submittedOn: receivedOn,
          applicantType: APPLICANT_TYPES[Math.floor(rand() * APPLICANT_TYPES.length)]!,
        });
        for (const event of randomHistory(rand, receivedOn)) {
          application = await applyTestEvent(t.db, application, event);
        }
        stored.push(application);
      }
      expect(
        stored.some((a) => a.status === 'concluded') && stored.some((a) => a.status !== 'concluded'),
      ).toBe(true);
      const t2025 = assembleTable3(stored, 2025);
      expect(
        [t2025.carriedOver[6], t2025.carriedForward[6], t2025.totalConcluded[6]].every((n) => n! > 0),
      ).toBe(true);
      for (const year of [2023, 2024, 2025, 2026]) {
        expect(await countTable3(t.db, agency.id, year), `seed ${seed}, year ${year}`).toEqual(
          assembleTable3(stored, year),
        );
      }
    }
  });

  it('puts applications on the year boundaries in the same rows as the core', async () => {
    const { agency } = await createTestAgency(t.db);
    const cases: Array<[IsoDate, ApplicationEvent[]]> = [
      ['2025-01-01', []],
      ['2024-12-31', [{ type: 'answered', on: '2025-01-01', outcome: 'granted' }]],
      ['2024-12-30', [{ type: 'answered', on: '2024-12-31', outcome: 'partial' }]],
      ['2025-12-31', []],
      ['2025-06-02', [{ type: 'withdrawn', on: '2025-12-31' }]],
      ['2026-01-01', [{ type: 'answered', on: '2026-01-05', outcome: 'denied.thirdParty' }]],
    ];
    const stored: StoredApplication[] = [];
    for (const [receivedOn, events] of cases) {
      let { application } = await registerTestApplication(t.db, agency.id, { submittedOn: receivedOn });
      for (const event of events) application = await applyTestEvent(t.db, application, event);
      stored.push(application);
    }
    for (const year of [2024, 2025, 2026]) {
      expect(await countTable3(t.db, agency.id, year), `year ${year}`).toEqual(assembleTable3(stored, year));
    }
    const t2025 = await countTable3(t.db, agency.id, 2025);
    expect([
      t2025.newReceived[6],
      t2025.carriedOver[6],
      t2025.totalConcluded[6],
      t2025.carriedForward[6],
    ]).toEqual([3, 1, 2, 2]);
  });

  it('counts nothing of another agency, and zeroes for a year without applications', async () => {
    const { agency } = await createTestAgency(t.db);
    const { agency: other } = await createTestAgency(t.db);
    await registerTestApplication(t.db, other.id);
    expect(await countTable3(t.db, agency.id, 2026)).toEqual(assembleTable3([], 2026));
  });
});
