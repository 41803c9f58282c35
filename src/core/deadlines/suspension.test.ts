import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../calendar/workdays.ts';
import { addDays, fromDayNumber, toDayNumber } from '../dates.ts';
import { countedWorkingDays, mergeSuspensions, nthCountedWorkingDay, type Suspension } from './suspension.ts';

const knownDate = fc
  .integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2026-03-31') })
  .map((n) => fromDayNumber(n));

/** Up to three closed suspensions starting within 60 days of `start`, each up to 40 days long. */
function suspensionsAfter(start: string) {
  return fc
    .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 40 })), { maxLength: 3 })
    .map((list) =>
      list.map(([offset, length]) => ({
        from: addDays(start, offset),
        until: addDays(start, offset + length),
      })),
    );
}

describe('mergeSuspensions', () => {
  it('merges overlapping and touching intervals and sorts them', () => {
    const merged = mergeSuspensions([
      { from: '2025-03-10', until: '2025-03-12' },
      { from: '2025-03-03', until: '2025-03-05' },
      { from: '2025-03-05', until: '2025-03-07' },
      { from: '2025-03-11', until: '2025-03-20' },
    ]);
    expect(merged).toEqual([
      { from: '2025-03-03', until: '2025-03-07' },
      { from: '2025-03-10', until: '2025-03-20' },
    ]);
  });

  it('lets an open interval absorb every later one', () => {
    expect(
      mergeSuspensions([
        { from: '2025-03-03', until: null },
        { from: '2025-03-10', until: '2025-03-12' },
      ]),
    ).toEqual([{ from: '2025-03-03', until: null }]);
  });
});

describe('nthCountedWorkingDay', () => {
  it('equals addWorkingDays without suspensions', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 40 }), (start, n) => {
        expect(nthCountedWorkingDay(start, n, [])).toEqual({ due: addWorkingDays(start, n) });
      }),
    );
  });

  it('counts the letter day and resumes on the day after the reply', () => {
    // (03-04, 03-06] suspended: 03-05 and 03-06 are skipped; 03-03, 03-04 count, then 03-07.
    const result = nthCountedWorkingDay('2025-03-02', 3, [{ from: '2025-03-04', until: '2025-03-06' }]);
    expect(result).toEqual({ due: '2025-03-07' });
  });

  it('reports the days used when an open suspension stops the clock', () => {
    const result = nthCountedWorkingDay('2025-03-02', 20, [{ from: '2025-03-05', until: null }]);
    expect(result).toEqual({ due: null, used: 3, suspendedSince: '2025-03-05' });
  });

  it('ignores suspensions that begin on or after the due date', () => {
    expect(nthCountedWorkingDay('2025-03-02', 3, [{ from: '2025-03-05', until: null }])).toEqual({
      due: '2025-03-05',
    });
  });

  it('lands on a working day outside every suspension after exactly n counted days', () => {
    fc.assert(
      fc.property(
        knownDate.chain((start) =>
          fc.tuple(fc.constant(start), suspensionsAfter(start), fc.integer({ min: 1, max: 40 })),
        ),
        ([start, list, n]) => {
          const merged = mergeSuspensions(list);
          const result = nthCountedWorkingDay(start, n, merged);
          if (result.due === null) throw new Error('closed suspensions cannot leave the due date open');
          expect(isWorkingDay(result.due)).toBe(true);
          expect(merged.some((s: Suspension) => result.due! > s.from && result.due! <= s.until!)).toBe(false);
          expect(countedWorkingDays(start, result.due, merged)).toBe(n);
        },
      ),
    );
  });

  it('never moves the due date earlier when a suspension is added', () => {
    fc.assert(
      fc.property(
        knownDate.chain((start) =>
          fc.tuple(fc.constant(start), suspensionsAfter(start), fc.integer({ min: 1, max: 40 })),
        ),
        ([start, list, n]) => {
          const without = nthCountedWorkingDay(start, n, mergeSuspensions(list.slice(1)));
          const withAll = nthCountedWorkingDay(start, n, mergeSuspensions(list));
          expect(withAll.due! >= without.due!).toBe(true);
        },
      ),
    );
  });
});

describe('countedWorkingDays', () => {
  it('subtracts only the suspended working days inside the window', () => {
    // (2025-03-02, 2025-03-14] has 10 working days; (03-04, 03-10] suspends 03-05..03-07 and 03-10.
    expect(
      countedWorkingDays('2025-03-02', '2025-03-14', [{ from: '2025-03-04', until: '2025-03-10' }]),
    ).toBe(6);
  });

  it('is zero for an empty window', () => {
    expect(countedWorkingDays('2025-03-14', '2025-03-02', [])).toBe(0);
  });
});
