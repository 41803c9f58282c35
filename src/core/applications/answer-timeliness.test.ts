import { describe, expect, it } from 'vitest';
import {
  answerTimeliness,
  answerTimelinessLabel,
  countAnswerTimeliness,
  onTimeRate,
} from './answer-timeliness.ts';
import type { Application, ApplicationEvent } from './application.ts';

/** Handed in person on `receivedOn`, then `events`. */
const handedIn = (
  receivedOn: string,
  events: ApplicationEvent[],
): Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn' | 'events'> => ({
  channel: 'in-person',
  submittedOn: receivedOn,
  confirmedOn: null,
  events,
});
const answer = (on: string): ApplicationEvent => ({ type: 'answered', on, outcome: 'granted' });

describe('answerTimeliness', () => {
  // Monday 2025-03-03 + 20 working days = Monday 2025-03-31 (清明 2025: 04-04…04-06 off).
  it('is on time on the last day, and late by the working days after it', () => {
    const onTime = answerTimeliness(handedIn('2025-03-03', [answer('2025-03-31')]));
    expect(onTime).toEqual({ state: 'on-time', answeredOn: '2025-03-31', dueOn: '2025-03-31' });
    expect(answerTimelinessLabel(onTime!)).toBe('按期答复');
    // 04-01, 04-02, 04-03, then 清明 and the weekend, then 04-07: four working days late.
    const late = answerTimeliness(handedIn('2025-03-03', [answer('2025-04-07')]));
    expect(late).toEqual({
      state: 'late',
      answeredOn: '2025-04-07',
      dueOn: '2025-03-31',
      workingDaysLate: 4,
    });
    expect(answerTimelinessLabel(late!)).toBe('逾期答复（超过答复期限4个工作日）');
  });

  it('counts an answer on the rest day after the deadline as late by no working day', () => {
    // 2025-01-20 (Mon) + 20 working days = Friday 2025-02-21 (DOMAIN.md §D); Saturday 02-22 is past it.
    const t = answerTimeliness(handedIn('2025-01-20', [answer('2025-02-22')]));
    expect(t).toMatchObject({ state: 'late', dueOn: '2025-02-21', workingDaysLate: 0 });
    expect(answerTimelinessLabel(t!)).toBe('逾期答复（于答复期限届满后的休息日答复）');
  });

  it('measures against the extended deadline', () => {
    const extension: ApplicationEvent = {
      type: 'extension',
      approvedOn: '2025-03-20',
      noticeOn: '2025-03-20',
      days: 10,
      approver: '主任',
    };
    // 03-31 + 10 working days, skipping 清明: 2025-04-15.
    expect(answerTimeliness(handedIn('2025-03-03', [extension, answer('2025-04-15')]))).toMatchObject({
      state: 'on-time',
      dueOn: '2025-04-15',
    });
    expect(answerTimeliness(handedIn('2025-03-03', [extension, answer('2025-04-16')]))).toMatchObject({
      state: 'late',
      workingDaysLate: 1,
    });
  });

  it('has nothing to say about an open case or one closed by a withdrawal', () => {
    expect(answerTimeliness(handedIn('2025-03-03', []))).toBeNull();
    expect(answerTimeliness(handedIn('2025-03-03', [{ type: 'withdrawn', on: '2025-05-06' }]))).toBeNull();
  });
});

describe('countAnswerTimeliness', () => {
  it('counts the answers on time and late, leaving out cases not answered', () => {
    expect(
      countAnswerTimeliness([
        handedIn('2025-03-03', [answer('2025-03-10')]),
        handedIn('2025-03-03', [answer('2025-04-07')]),
        handedIn('2025-03-03', [{ type: 'withdrawn', on: '2025-03-05' }]),
        handedIn('2025-03-03', []),
      ]),
    ).toEqual({ answered: 2, onTime: 1, late: 1, unknown: 0 });
  });
});

describe('onTimeRate', () => {
  it('divides the answers on time by those assessed, to one decimal, and has none without answers', () => {
    expect(onTimeRate({ answered: 4, onTime: 2, late: 1, unknown: 1 })).toBe('66.7%');
    expect(onTimeRate({ answered: 3, onTime: 3, late: 0, unknown: 0 })).toBe('100.0%');
    expect(onTimeRate({ answered: 1, onTime: 0, late: 0, unknown: 1 })).toBeNull();
  });
});
