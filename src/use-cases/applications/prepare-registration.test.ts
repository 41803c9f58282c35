import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ACTOR, TEST_NOW } from '../../../test/support/store-factories.ts';
import { HOLIDAY_SCHEDULES } from '../../core/calendar/holidays.ts';
import { activateHolidaySchedules, workingDaysBetween } from '../../core/calendar/workdays.ts';
import { prepareRegistration } from './register-application.ts';

const input = (submittedOn: string) => ({
  agencyId: 'agency',
  channel: 'in-person' as const,
  submittedOn,
  applicantType: 'naturalPerson' as const,
  applicant: { name: '测试申请人' },
  description: '某项目的批复文件',
});

describe('prepareRegistration', () => {
  afterEach(() => {
    activateHolidaySchedules(HOLIDAY_SCHEDULES);
  });

  it('gives two registrations of the same day and dates equal deadlines that cannot be changed', () => {
    const a = prepareRegistration(input('2026-06-01'), TEST_ACTOR, TEST_NOW);
    const b = prepareRegistration(input('2026-06-01'), TEST_ACTOR, TEST_NOW);
    expect(b.deadlines).toEqual(a.deadlines);
    expect(workingDaysBetween(a.application.receivedOn, a.deadlines.result!.answerDue!)).toBe(20);
    expect(() => {
      (a.deadlines.result!.steps as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('counts with a holiday arrangement activated after an earlier registration of the same dates', () => {
    const before = prepareRegistration(input('2026-06-01'), TEST_ACTOR, TEST_NOW);
    const due = before.deadlines.result!.answerDue!;
    // An arrangement (as an administrator could enter it) making the week before the due day a holiday.
    const year = HOLIDAY_SCHEDULES.find((s) => s.year === 2026)!;
    activateHolidaySchedules([
      ...HOLIDAY_SCHEDULES.filter((s) => s.year !== 2026),
      { ...year, holidays: [...year.holidays, { name: '测试假日', from: '2026-06-22', to: '2026-06-26' }] },
    ]);
    const after = prepareRegistration(input('2026-06-01'), TEST_ACTOR, TEST_NOW);
    const newDue = after.deadlines.result!.answerDue!;
    expect(newDue > due).toBe(true);
    expect(workingDaysBetween(after.application.receivedOn, newDue)).toBe(20);
  });
});
