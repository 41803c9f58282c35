import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { HOLIDAY_SCHEDULES, type HolidaySchedule } from './holidays.ts';
import { holidayScheduleSchema, validateHolidaySchedule } from './validate-holiday-schedule.ts';

const base: HolidaySchedule = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知',
  documentNumber: null,
  issuedOn: '2026-11-20',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  makeUpWorkdays: ['2027-02-14'],
};

function message(s: HolidaySchedule, others: HolidaySchedule[] = []): string {
  try {
    validateHolidaySchedule(s, others);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CALENDAR_RANGES_INVALID') return error.message;
    throw error;
  }
  return 'accepted';
}

describe('validateHolidaySchedule', () => {
  it('accepts every built-in notice against the others', () => {
    for (const s of HOLIDAY_SCHEDULES) expect(message(s, [...HOLIDAY_SCHEDULES])).toBe('accepted');
    expect(holidayScheduleSchema.safeParse(HOLIDAY_SCHEDULES[0]).success).toBe(true);
  });
  it('names two overlapping ranges', () => {
    const s = {
      ...base,
      holidays: [...base.holidays, { name: '其他', from: '2027-02-10', to: '2027-02-15' }],
    };
    expect(message(s)).toBe(
      '放假安排重叠：“春节”（2027年2月5日至2027年2月12日）与“其他”（2027年2月10日至2027年2月15日）',
    );
  });
  it('refuses a make-up working day inside a rest range', () => {
    expect(message({ ...base, makeUpWorkdays: ['2027-02-07'] })).toContain(
      '调休上班日2027年2月7日在“春节”放假期间',
    );
  });
  it('refuses a range ending before it starts or outside the year', () => {
    expect(
      message({ ...base, holidays: [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }] }),
    ).toContain('早于开始日期');
    expect(
      message({ ...base, holidays: [{ name: '国庆节', from: '2028-10-01', to: '2028-10-07' }] }),
    ).toContain('不在2027年的安排范围内');
  });
  it('refuses a 元旦 reaching back into a rest range of the year before', () => {
    const s = { ...base, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }] };
    expect(
      message(s, [{ ...base, year: 2026, holidays: [{ name: 'x', from: '2026-12-30', to: '2026-12-31' }] }]),
    ).toContain('与2026年的“x”');
  });
});
