import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { computeDeadlines } from './compute-deadlines.ts';
import type { DeadlineInputData, DeadlineOptions } from './deadline-input.ts';

/** DOMAIN.md §D vectors: receipt → +7 (补正 notice) / +15 / +20 (answer) / +40 (answer, extended). */
const VECTORS = [
  ['2024-01-26', '2024-02-05', '2024-02-21', '2024-02-28', '2024-03-27'],
  ['2023-09-20', '2023-10-07', '2023-10-17', '2023-10-24', '2023-11-21'],
  ['2025-01-20', '2025-02-05', '2025-02-14', '2025-02-21', '2025-03-21'],
  ['2024-04-30', '2024-05-13', '2024-05-23', '2024-05-30', '2024-06-28'],
  ['2026-02-10', '2026-02-26', '2026-03-09', '2026-03-16', '2026-04-14'],
  ['2025-09-26', '2025-10-13', '2025-10-23', '2025-10-30', '2025-11-27'],
  ['2023-12-25', '2024-01-04', '2024-01-16', '2024-01-23', '2024-02-23'],
] as const;

function refusal(input: unknown, options?: DeadlineOptions): AppError {
  try {
    computeDeadlines(input as DeadlineInputData, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

const inPerson = (submittedOn: string, events: DeadlineInputData['events'] = []): DeadlineInputData => ({
  channel: 'in-person',
  submittedOn,
  events,
});

describe('computeDeadlines', () => {
  describe.each(VECTORS)('for receipt on %s', (receipt, d7, d15, d20, d40) => {
    it('gives the DOMAIN dates for an in-person application', () => {
      const r = computeDeadlines(inPerson(receipt));
      expect([r.receivedOn, r.correctionNoticeDue, r.answerDue, r.status]).toEqual([
        receipt,
        d7,
        d20,
        'running',
      ]);
    });

    it('takes the signing day for registered mail', () => {
      const r = computeDeadlines({ channel: 'mail-registered', submittedOn: receipt });
      expect(r.answerDue).toBe(d20);
    });

    it.each(['mail-ordinary', 'online', 'fax', 'email'] as const)(
      'takes the confirmation day for %s',
      (channel) => {
        const r = computeDeadlines({ channel, submittedOn: '2023-01-03', confirmedOn: receipt });
        expect([r.receivedOn, r.correctionNoticeDue, r.answerDue]).toEqual([receipt, d7, d20]);
      },
    );

    it('gives the consulted party 15 working days from receiving the letter', () => {
      const r = computeDeadlines(
        inPerson(receipt, [
          { type: 'consultation', party: 'third-party', startedOn: receipt, replyReceivedOn: d15 },
        ]),
      );
      expect(r.thirdPartyReplyDue.map((c) => c.due)).toEqual([d15]);
    });

    it('adds 20 working days with an extension', () => {
      const r = computeDeadlines(
        inPerson(receipt, [
          { type: 'extension', approvedOn: d15, noticeOn: d20, days: 20, approver: '张三' },
        ]),
      );
      expect(r.answerDue).toBe(d40);
      expect(r.workingDaysAllowed).toBe(40);
      expect(r.steps.find((s) => s.label === '原答复期限')?.date).toBe(d20);
    });
  });

  it('refuses a confirmation channel without a confirmation day', () => {
    const error = refusal({ channel: 'online', submittedOn: '2025-03-03' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('确认');
  });

  it('refuses a confirmation day for an in-person application', () => {
    expect(refusal({ ...inPerson('2025-03-03'), confirmedOn: '2025-03-04' }).code).toBe('INVALID_INPUT');
  });

  it('refuses a confirmation day before the submission', () => {
    expect(refusal({ channel: 'fax', submittedOn: '2025-03-03', confirmedOn: '2025-03-02' }).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('restarts the 20 working days from the corrected application', () => {
    const r = computeDeadlines(
      inPerson('2024-01-26', [
        { type: 'correction-requested', on: '2024-01-31' },
        { type: 'correction-received', on: '2024-04-30' },
      ]),
    );
    expect([r.correctionNoticeDue, r.clockStartsOn, r.answerDue]).toEqual([
      '2024-02-05',
      '2024-04-30',
      '2024-05-30',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('allows a second correction round and restarts again', () => {
    const r = computeDeadlines(
      inPerson('2024-12-02', [
        { type: 'correction-requested', on: '2024-12-05' },
        { type: 'correction-received', on: '2024-12-20' },
        { type: 'correction-requested', on: '2024-12-24' },
        { type: 'correction-received', on: '2025-01-20' },
      ]),
    );
    expect(r.answerDue).toBe('2025-02-21');
  });

  it('waits for the corrected application while a correction is pending', () => {
    const r = computeDeadlines(inPerson('2025-03-03', [{ type: 'correction-requested', on: '2025-03-05' }]));
    expect([r.status, r.answerDue, r.clockStartsOn]).toEqual(['awaiting-correction', null, null]);
  });

  it('warns when the correction notice is later than 7 working days', () => {
    const r = computeDeadlines(
      inPerson('2024-01-26', [
        { type: 'correction-requested', on: '2024-02-06' },
        { type: 'correction-received', on: '2024-02-07' },
      ]),
    );
    expect(r.warnings.join()).toContain('晚于条例第三十条规定的期限');
  });

  it('refuses a third correction round', () => {
    const events = [
      { type: 'correction-requested', on: '2025-03-04' },
      { type: 'correction-received', on: '2025-03-05' },
      { type: 'correction-requested', on: '2025-03-06' },
      { type: 'correction-received', on: '2025-03-07' },
      { type: 'correction-requested', on: '2025-03-10' },
    ] as const;
    expect(refusal(inPerson('2025-03-03', [...events])).message).toContain('补正最多两轮');
  });

  it('refuses a correction received before it was requested', () => {
    const error = refusal(
      inPerson('2025-03-03', [
        { type: 'correction-received', on: '2025-03-04' },
        { type: 'correction-requested', on: '2025-03-05' },
      ]),
    );
    expect(error.message).toContain('此前没有待补正的补正通知');
  });

  it('refuses events out of chronological order', () => {
    const error = refusal(
      inPerson('2025-03-03', [
        { type: 'correction-requested', on: '2025-03-06' },
        { type: 'consultation', party: 'agency', startedOn: '2025-03-05' },
      ]),
    );
    expect(error.message).toContain('事件应按时间先后排列');
  });

  it('refuses an event before the receipt date', () => {
    expect(
      refusal(inPerson('2025-03-03', [{ type: 'correction-requested', on: '2025-03-01' }])).message,
    ).toContain('早于收到申请之日');
  });

  it('does not count the working days of a consultation across the Spring Festival', () => {
    // Counted: 01-21..01-24 (4). Suspended (01-24, 02-10]. Then 02-11..02-14 (8), 02-17..02-21 (13),
    // 02-24..02-28 (18), 03-03 (19), 03-04 (20).
    const r = computeDeadlines(
      inPerson('2025-01-20', [
        {
          type: 'consultation',
          party: 'third-party',
          startedOn: '2025-01-24',
          replyReceivedOn: '2025-02-10',
        },
      ]),
    );
    expect(r.answerDue).toBe('2025-03-04');
    expect(r.steps.find((s) => s.label === '答复期限')?.explanation).toContain('7个工作日不计算在内');
  });

  it('is suspended while a consultation is open and reports the days used', () => {
    const r = computeDeadlines(
      inPerson('2025-01-20', [{ type: 'consultation', party: 'agency', startedOn: '2025-01-24' }]),
      { today: '2025-03-20' },
    );
    expect([r.status, r.answerDue, r.workingDaysUsed]).toEqual(['suspended', null, 4]);
  });

  it('does not count overlapping consultations twice', () => {
    const overlapping = computeDeadlines(
      inPerson('2025-03-03', [
        {
          type: 'consultation',
          party: 'third-party',
          startedOn: '2025-03-05',
          replyReceivedOn: '2025-03-12',
        },
        { type: 'consultation', party: 'agency', startedOn: '2025-03-07', replyReceivedOn: '2025-03-19' },
      ]),
    );
    // (03-05, 03-19] suspends 10 working days: 20 + 10 working days after 03-03.
    expect(overlapping.answerDue).toBe('2025-04-15');
  });

  it('ignores and flags a consultation begun after the period ran out', () => {
    const r = computeDeadlines(
      inPerson('2024-01-26', [{ type: 'consultation', party: 'third-party', startedOn: '2024-03-01' }]),
    );
    expect([r.status, r.answerDue]).toEqual(['running', '2024-02-28']);
    expect(r.warnings.join()).toContain('不影响答复期限');
  });

  it('suspends the period from fee notice to payment unless configured otherwise', () => {
    const input = inPerson('2023-09-20', [{ type: 'fee', noticeOn: '2023-09-20', paidOn: '2023-10-24' }]);
    const suspended = computeDeadlines(input);
    expect(suspended.feePaymentDue).toBe('2023-10-24');
    // Paid on the 20th working day: the answer period starts over from then.
    expect(suspended.answerDue).toBe('2023-11-21');
    expect(computeDeadlines(input, { feeNoticeSuspends: false }).answerDue).toBe('2023-10-24');
  });

  it('refuses an extension approved after the period ran out', () => {
    const error = refusal(
      inPerson('2024-01-26', [
        { type: 'extension', approvedOn: '2024-02-29', noticeOn: '2024-02-29', days: 10 },
      ]),
    );
    expect(error.message).toContain('届满前');
  });

  it('refuses a second extension and an extension beyond 20 working days', () => {
    const ext = { type: 'extension', approvedOn: '2024-02-01', noticeOn: '2024-02-01', days: 5 } as const;
    expect(refusal(inPerson('2024-01-26', [ext, ext])).message).toContain('只能延长一次');
    expect(refusal(inPerson('2024-01-26', [{ ...ext, days: 21 }])).message).toContain(
      '最长不得超过20个工作日',
    );
  });

  it('uses the explicit art. 35 date', () => {
    const r = computeDeadlines(
      inPerson('2024-01-26', [
        { type: 'art35', decidedOn: '2024-02-20', dueOn: '2024-06-28', noticeOn: '2024-02-21' },
      ]),
      { today: '2024-03-01' },
    );
    expect([r.answerDue, r.status, r.workingDaysAllowed]).toEqual(['2024-06-28', 'running', null]);
    expect(r.steps.at(-1)).toMatchObject({ label: '延迟答复期限', article: '条例第三十五条' });
  });

  it('refuses an art. 35 decision after the period ran out or a due date before the decision', () => {
    expect(
      refusal(inPerson('2024-01-26', [{ type: 'art35', decidedOn: '2024-03-01', dueOn: '2024-06-28' }])).code,
    ).toBe('INVALID_INPUT');
    expect(
      refusal(inPerson('2024-01-26', [{ type: 'art35', decidedOn: '2024-02-01', dueOn: '2024-02-01' }])).code,
    ).toBe('INVALID_INPUT');
  });

  it('is overdue after the due date and counts the days used up to today', () => {
    expect(computeDeadlines(inPerson('2024-01-26'), { today: '2024-02-29' }).status).toBe('overdue');
    const r = computeDeadlines(inPerson('2024-01-26'), { today: '2024-02-05' });
    expect([r.status, r.workingDaysUsed]).toEqual(['running', 7]);
  });

  it('refuses recorded dates after today', () => {
    expect(refusal(inPerson('2024-01-26'), { today: '2024-01-25' }).message).toContain('晚于今天');
  });

  it('gives a 暂定 answer date when the period runs into a year without an arrangement (issue 15)', () => {
    // From 2026-12-10: 12-11 (1), 12-14..18 (6), 21..25 (11), 28..31 (15), 2027-01-01 元旦 (statutory),
    // 01-04..08 (20).
    const r = computeDeadlines(inPerson('2026-12-10'));
    expect(r.answerDue).toBe('2027-01-08');
    expect(r.provisional).toEqual({
      years: [2027],
      reason: '2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定',
    });
  });
  it('is exact when every counted date stays inside the known years', () => {
    expect(computeDeadlines(inPerson('2026-11-02')).provisional).toBeNull();
  });
  it('marks an extension into the next year 暂定 though the original period was exact', () => {
    const r = computeDeadlines(
      inPerson('2026-11-20', [
        { type: 'extension', approvedOn: '2026-12-07', noticeOn: '2026-12-07', days: 20 },
      ]),
    );
    expect(r.steps.find((s) => s.label === '原答复期限')?.date).toBe('2026-12-18');
    expect(r.provisional?.years).toEqual([2027]);
  });

  it('names the bad field of a malformed input in Chinese', () => {
    expect(refusal(inPerson('2025-02-30')).message).toMatch(/^输入无效：submittedOn：应为真实存在的日期/);
    expect(refusal({ ...inPerson('2025-03-03'), extra: 1 }).message).toContain('不认识的字段：extra');
    expect(refusal({ channel: 'pigeon', submittedOn: '2025-03-03' }).message).toContain('提交方式应为');
    expect(
      refusal(inPerson('2025-03-03', [{ type: 'phone-call', on: '2025-03-04' } as never])).message,
    ).toContain('events[0]');
  });

  it('lists steps in date order, each with an article', () => {
    const r = computeDeadlines(
      inPerson('2025-01-20', [
        { type: 'correction-requested', on: '2025-01-22' },
        { type: 'correction-received', on: '2025-02-06' },
        {
          type: 'consultation',
          party: 'third-party',
          name: '某公司',
          startedOn: '2025-02-10',
          replyReceivedOn: '2025-02-24',
        },
        { type: 'extension', approvedOn: '2025-03-10', noticeOn: '2025-03-11', days: 10 },
      ]),
    );
    const dates = r.steps.map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
    for (const s of r.steps) expect(s.article).toMatch(/条例第|109号/);
    // Restart 02-06; counted 02-07..02-10 (3 incl. 02-08 Sat make-up), suspended (02-10, 02-24];
    // 02-25..02-28 (7), 03-03..03-07 (12), 03-10..03-14 (17), 03-17..03-21 (22), 03-24..03-28 (27),
    // 03-31 (28), 04-01 (29), 04-02 (30).
    expect(r.answerDue).toBe('2025-04-02');
  });
});
