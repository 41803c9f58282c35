import { describe, expect, it } from 'vitest';
import { answerDueLabel, answerDueState, answerDueStateOfRow } from './answer-due-state.ts';
import type { Application, ApplicationEvent } from './application.ts';
import { applicationDeadlines } from './application-deadlines.ts';

/** Handed in on Monday 2025-03-03 in person; `status` as the lifecycle leaves it after `events`. */
function stateAfter(events: ApplicationEvent[], status: Application['status'], today = '2025-03-20') {
  const application = { channel: 'in-person' as const, submittedOn: '2025-03-03', confirmedOn: null, events };
  return answerDueLabel(answerDueState({ status, events }, applicationDeadlines(application, today)));
}

describe('answerDueState', () => {
  it('gives the date while the clock runs, and the reason while it is stopped', () => {
    expect(stateAfter([], 'received')).toBe('2025-03-31');
    expect(stateAfter([{ type: 'correction-requested', on: '2025-03-05' }], 'awaiting-correction')).toBe(
      '暂停计算（等待申请人补正）',
    );
    const agency: ApplicationEvent = {
      type: 'consultation-started',
      on: '2025-03-07',
      party: 'agency',
      name: '中卫市财政局',
    };
    expect(stateAfter([agency], 'consulting')).toBe('暂停计算（征求其他机关意见中）');
  });

  it('marks a provisional date as 暂定 with its reason', () => {
    const reason = '2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定';
    expect(answerDueLabel({ state: 'due', dueOn: '2027-01-25' }, { reason })).toBe(
      `2027-01-25（暂定：${reason}）`,
    );
    expect(answerDueLabel({ state: 'due', dueOn: '2026-03-30' }, null)).toBe('2026-03-30');
  });

  it('says a date that cannot be computed is unknown, with the reason, and never paused', () => {
    const unknown = answerDueState(
      { status: 'received', events: [] },
      { result: null, note: '暂无2027年的法定节假日安排数据' },
    );
    expect(answerDueLabel(unknown)).toBe('答复期限暂无法计算：暂无2027年的法定节假日安排数据');
  });

  it('has no due date to show for a case concluded while the clock was stopped', () => {
    const events: ApplicationEvent[] = [
      { type: 'correction-requested', on: '2025-03-05' },
      { type: 'withdrawn', on: '2025-03-10' },
    ];
    expect(stateAfter(events, 'concluded')).toBe('—');
  });
});

describe('answerDueStateOfRow', () => {
  it('reads a pause from the status of a list row and an unknown date otherwise', () => {
    expect(answerDueLabel(answerDueStateOfRow('awaiting-fee', null))).toBe('暂停计算（等待缴纳信息处理费）');
    expect(answerDueStateOfRow('received', null).state).toBe('unknown');
    expect(answerDueStateOfRow('consulting', '2025-03-31')).toEqual({ state: 'due', dueOn: '2025-03-31' });
  });
});
