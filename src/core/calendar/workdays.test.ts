import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fromDayNumber, type IsoDate, toDayNumber } from '../dates.ts';
import { AppError } from '../errors.ts';
import { HOLIDAY_SCHEDULES, type HolidaySchedule } from './holidays.ts';
import {
  activateHolidaySchedules,
  addWorkingDays,
  isWorkingDay,
  knownCalendarYears,
  provisionalYearsBetween,
  workingDaysBetween,
  workingDaysInYear,
} from './workdays.ts';

/** DOMAIN.md §D test vectors: receipt date → +7 / +15 / +20 / +40 working days. */
const VECTORS: Array<[IsoDate, IsoDate, IsoDate, IsoDate, IsoDate]> = [
  ['2024-01-26', '2024-02-05', '2024-02-21', '2024-02-28', '2024-03-27'],
  ['2023-09-20', '2023-10-07', '2023-10-17', '2023-10-24', '2023-11-21'],
  ['2025-01-20', '2025-02-05', '2025-02-14', '2025-02-21', '2025-03-21'],
  ['2024-04-30', '2024-05-13', '2024-05-23', '2024-05-30', '2024-06-28'],
  ['2026-02-10', '2026-02-26', '2026-03-09', '2026-03-16', '2026-04-14'],
  ['2025-09-26', '2025-10-13', '2025-10-23', '2025-10-30', '2025-11-27'],
  ['2023-12-25', '2024-01-04', '2024-01-16', '2024-01-23', '2024-02-23'],
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

/** Dates from which adding up to 60 working days stays inside 2023–2026. */
const knownDate = fc
  .integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2026-09-15') })
  .map((n) => fromDayNumber(n));

describe('isWorkingDay', () => {
  it('treats announced make-up weekend days as working days', () => {
    expect(isWorkingDay('2023-10-07')).toBe(true); // Saturday
    expect(isWorkingDay('2024-02-04')).toBe(true); // Sunday
    expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday
  });

  it('treats weekdays inside a holiday range as rest days', () => {
    expect(isWorkingDay('2025-01-28')).toBe(false);
    expect(isWorkingDay('2023-10-06')).toBe(false);
    expect(isWorkingDay('2026-02-23')).toBe(false); // Monday, last day of 春节 2026
  });

  it('keeps 除夕 2024 a normal working day', () => {
    expect(isWorkingDay('2024-02-09')).toBe(true);
  });

  it('treats ordinary weekends as rest days and ordinary weekdays as working days', () => {
    expect(isWorkingDay('2025-03-15')).toBe(false);
    expect(isWorkingDay('2025-03-17')).toBe(true);
  });

  it('counts a year without an arrangement from the statutory holidays, without 调休 (issue 15)', () => {
    expect(isWorkingDay('2027-01-04')).toBe(true); // Monday
    expect(isWorkingDay('2027-01-01')).toBe(false); // Friday, 元旦
    expect(isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(isWorkingDay('2022-12-30')).toBe(true); // Friday of 2022 (no notice entered)
  });
  it('refuses dates outside 2000–2100 in Chinese', () => {
    expect(codeOf(() => isWorkingDay('1999-12-31'))).toBe('CALENDAR_UNKNOWN');
    expect(codeOf(() => isWorkingDay('2101-01-03'))).toBe('CALENDAR_UNKNOWN');
    expect(() => isWorkingDay('2101-01-03')).toThrow('超出工作日计算范围（2000年至2100年）');
  });
  it('refuses impossible dates', () => {
    expect(codeOf(() => isWorkingDay('2025-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => isWorkingDay('2025-1-3'))).toBe('INVALID_DATE');
  });
});

describe('addWorkingDays', () => {
  it.each(VECTORS)('matches the DOMAIN vector for %s', (receipt, d7, d15, d20, d40) => {
    expect([7, 15, 20, 40].map((n) => addWorkingDays(receipt, n))).toEqual([d7, d15, d20, d40]);
  });

  it('returns the date itself for n = 0', () => {
    expect(addWorkingDays('2025-01-28', 0)).toBe('2025-01-28');
  });

  it('starts counting on the day after the date', () => {
    expect(addWorkingDays('2025-03-17', 1)).toBe('2025-03-18');
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17'); // Friday → Monday
  });

  it('refuses a negative or fractional count', () => {
    expect(codeOf(() => addWorkingDays('2025-03-17', -1))).toBe('INVALID_INPUT');
    expect(codeOf(() => addWorkingDays('2025-03-17', 1.5))).toBe('INVALID_INPUT');
  });

  it('uses the 2023 notice for 2022-12-31 and marks a count from 2022 provisional', () => {
    // 2022-12-31 (Sat) to 2023-01-02 (Mon) are 元旦 2023 rest days in the 2023 notice.
    expect(addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
    expect(provisionalYearsBetween('2022-12-30', '2023-01-03')).toEqual([2022]);
  });

  it('gives a provisional 2027 date for 20 working days from 2026-12-20 and an exact one for 5', () => {
    // 12-21..25 (5), 12-28..31 (9), 2027-01-01 元旦, 01-04..08 (14), 01-11..15 (19), 01-18 (20).
    expect(addWorkingDays('2026-12-20', 20)).toBe('2027-01-18');
    expect(provisionalYearsBetween('2026-12-20', '2027-01-18')).toEqual([2027]);
    expect(addWorkingDays('2026-12-20', 5)).toBe('2026-12-25');
    expect(provisionalYearsBetween('2026-12-20', '2026-12-25')).toEqual([]);
  });

  it('refuses a result beyond 2100', () => {
    expect(codeOf(() => addWorkingDays('2100-12-20', 20))).toBe('CALENDAR_UNKNOWN');
  });

  it('is undone by workingDaysBetween', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 0, max: 60 }), (date, n) => {
        expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
      }),
    );
  });

  it('always lands on a working day for n > 0', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 1, max: 60 }), (date, n) => {
        expect(isWorkingDay(addWorkingDays(date, n))).toBe(true);
      }),
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 0, max: 59 }), (date, n) => {
        expect(addWorkingDays(date, n) < addWorkingDays(date, n + 1)).toBe(true);
      }),
    );
  });

  it('agrees with stepping one working day at a time', () => {
    fc.assert(
      fc.property(knownDate, fc.integer({ min: 0, max: 30 }), (date, n) => {
        let d = date;
        for (let i = 0; i < n; i++) d = addWorkingDays(d, 1);
        expect(addWorkingDays(date, n)).toBe(d);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to]: the start is excluded and the end included', () => {
    expect(workingDaysBetween('2025-03-17', '2025-03-17')).toBe(0);
    expect(workingDaysBetween('2025-03-16', '2025-03-17')).toBe(1);
    expect(workingDaysBetween('2025-03-17', '2025-03-21')).toBe(4);
  });

  it('counts across the Spring Festival break and its make-up days', () => {
    // 2025-01-26 (Sun, make-up), 01-27, then 02-05, 02-06, 02-07, 02-08 (Sat, make-up).
    expect(workingDaysBetween('2025-01-25', '2025-02-09')).toBe(6);
  });

  it('is negative when the end is before the start', () => {
    expect(workingDaysBetween('2025-03-21', '2025-03-17')).toBe(-4);
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(knownDate, knownDate, (a, b) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, a)).toBe(0);
      }),
    );
  });

  it('counts into a year without an arrangement', () => {
    // December 2026 after the 1st: 22 weekdays; 2027-01-01 is 元旦; then 01-04 and 01-05.
    expect(workingDaysBetween('2026-12-01', '2027-01-05')).toBe(24);
  });
});

describe('workingDaysInYear', () => {
  it.each([
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('counts %i working days in %i as DOMAIN §D states', (year, expected) => {
    expect(workingDaysInYear(year)).toBe(expected);
  });

  it('equals the number of days in the year for which isWorkingDay holds', () => {
    let count = 0;
    for (let n = toDayNumber('2024-01-01'); n <= toDayNumber('2024-12-31'); n++) {
      if (isWorkingDay(fromDayNumber(n))) count += 1;
    }
    expect(workingDaysInYear(2024)).toBe(count);
  });

  it('counts a provisional year as its weekdays less the statutory holidays on weekdays', () => {
    // 2027: 261 weekdays (starts on a Friday); statutory rest on weekdays: 01-01 Fri, 02-05 Fri,
    // 02-08 Mon, 04-05 Mon, 06-09 Wed, 09-15 Wed, 10-01 Fri (02-06/07, 05-01/02, 10-02/03 are weekends).
    expect(workingDaysInYear(2027)).toBe(261 - 7);
  });
  it('refuses a year outside 2000–2100', () => {
    expect(codeOf(() => workingDaysInYear(1999))).toBe('CALENDAR_UNKNOWN');
    expect(codeOf(() => workingDaysInYear(2101))).toBe('CALENDAR_UNKNOWN');
  });
});

describe('knownCalendarYears', () => {
  it('lists exactly the years with a holiday notice', () => {
    expect(knownCalendarYears()).toEqual([2023, 2024, 2025, 2026]);
  });
});

describe('activateHolidaySchedules', () => {
  afterEach(() => {
    activateHolidaySchedules(HOLIDAY_SCHEDULES);
  });
  it('makes an entered year exact and counts with its ranges and make-up days', () => {
    const made: HolidaySchedule = {
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      documentNumber: null,
      issuedOn: '2026-11-20',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-05' }],
      makeUpWorkdays: ['2027-01-09'],
    };
    activateHolidaySchedules([...HOLIDAY_SCHEDULES, made]);
    expect(knownCalendarYears()).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(provisionalYearsBetween('2026-12-20', '2027-03-01')).toEqual([]);
    expect(isWorkingDay('2027-01-04')).toBe(false);
    expect(isWorkingDay('2027-01-09')).toBe(true); // Saturday, make-up day
    // 9 in December as above, then 01-06, 01-07, 01-08, 01-09 (Sat), 01-11 … 01-15 (18), 01-18, 01-19.
    expect(addWorkingDays('2026-12-20', 20)).toBe('2027-01-19');
  });
  it('refuses two arrangements for one year', () => {
    expect(() => activateHolidaySchedules([...HOLIDAY_SCHEDULES, HOLIDAY_SCHEDULES[0]!])).toThrow();
  });
});
