import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import type { FeeBasis } from '../fees/fee-basis.ts';
import { validateReport } from '../rules/validate-report.ts';
import type { Application, ApplicationEvent } from './application.ts';
import { assembleTable3 } from './assemble-table3.ts';
import { deadlineOfApplication } from './deadline-of-application.ts';
import { applyEvent } from './lifecycle.ts';

const TODAY = '2025-06-30';

function registered(overrides: Partial<Application> = {}): Application {
  return {
    trackingNumber: '2025-0001',
    channel: 'mail-registered',
    submittedOn: '2025-01-24',
    confirmedOn: null,
    receivedOn: '2025-01-24',
    applicantType: 'naturalPerson',
    description: '某某路段改造工程的环评批复',
    events: [],
    status: 'received',
    outcome: null,
    concludedOn: null,
    ...overrides,
  };
}

const apply = (a: Application, ...events: ApplicationEvent[]) =>
  events.reduce((x, e) => applyEvent(x, e, TODAY), a);

describe('applyEvent', () => {
  it('walks a case through 补正, extension and a partial answer', () => {
    const a = apply(
      registered(),
      { type: 'correction-requested', on: '2025-02-06' },
      { type: 'correction-received', on: '2025-02-12' },
      { type: 'extension', approvedOn: '2025-03-10', noticeOn: '2025-03-10', days: 15, approver: '张主任' },
      { type: 'answered', on: '2025-03-20', outcome: 'partial' },
    );
    expect(a).toMatchObject({ status: 'concluded', outcome: 'partial', concludedOn: '2025-03-20' });
    expect(a.events).toHaveLength(4);
  });

  it('refuses an answer while 补正 is awaited, and a second answer', () => {
    const waiting = apply(registered(), { type: 'correction-requested', on: '2025-02-06' });
    expect(() =>
      applyEvent(waiting, { type: 'answered', on: '2025-02-07', outcome: 'granted' }, TODAY),
    ).toThrow('待补正');
    const done = apply(registered(), { type: 'answered', on: '2025-02-07', outcome: 'granted' });
    expect(() => applyEvent(done, { type: 'answered', on: '2025-02-08', outcome: 'granted' }, TODAY)).toThrow(
      '已办结',
    );
  });

  it('refuses a date before receipt, before the last step, or after today', () => {
    expect(() => applyEvent(registered(), { type: 'withdrawn', on: '2025-01-01' }, TODAY)).toThrow(
      '早于收到申请之日',
    );
    const a = apply(registered(), {
      type: 'consultation-started',
      on: '2025-02-10',
      party: 'third-party',
      name: '某公司',
    });
    expect(() => applyEvent(a, { type: 'consultation-ended', on: '2025-02-05' }, TODAY)).toThrow(
      '早于上一个办理步骤',
    );
    expect(() => applyEvent(registered(), { type: 'withdrawn', on: '2025-07-01' }, TODAY)).toThrow(
      '晚于今天',
    );
  });

  it('allows one extension only', () => {
    const ext = {
      type: 'extension' as const,
      approvedOn: '2025-02-10',
      noticeOn: '2025-02-10',
      days: 10,
      approver: '张主任',
    };
    const a = apply(registered(), ext);
    expect(() => applyEvent(a, { ...ext, approvedOn: '2025-02-11', noticeOn: '2025-02-11' }, TODAY)).toThrow(
      '只能延长一次',
    );
  });

  it('concludes with （六） outcomes through lapses and withdrawal, not through an answer', () => {
    expect(
      apply(
        registered(),
        { type: 'correction-requested', on: '2025-02-06' },
        { type: 'correction-lapsed', on: '2025-03-06' },
      ).outcome,
    ).toBe('other.noCorrection');
    expect(
      apply(
        registered(),
        { type: 'fee-notice', on: '2025-02-06', amountYuan: 100, basis: { method: 'per-page', pages: 40 } },
        { type: 'fee-lapsed', on: '2025-03-10' },
      ).outcome,
    ).toBe('other.noFee');
    expect(apply(registered(), { type: 'withdrawn', on: '2025-02-06' }).outcome).toBe('other.other');
    expect(() =>
      applyEvent(registered(), { type: 'answered', on: '2025-02-06', outcome: 'other.noFee' }, TODAY),
    ).toThrow('逾期');
  });

  it('allows “补正后仍不明确” only after a correction was received', () => {
    expect(() =>
      applyEvent(registered(), { type: 'answered', on: '2025-02-06', outcome: 'unable.stillUnclear' }, TODAY),
    ).toThrow('补正后');
  });
});

describe('deadlineOfApplication', () => {
  it('counts 20 working days across the Spring Festival for a letter signed for on a Friday', () => {
    // 2025-01-24 (Fri): day 1 is the make-up Sunday 01-26, day 2 is 01-27; 01-28…02-04 is the
    // holiday; 02-08 (Sat) is a make-up day; the 20th working day is Thursday 02-27 (DOMAIN §D).
    const result = deadlineOfApplication(registered(), '2025-02-05');
    expect(result.receivedOn).toBe('2025-01-24');
    expect(result.answerDue).toBe('2025-02-27');
  });

  it('restarts the clock at the corrected application', () => {
    const a = apply(
      registered(),
      { type: 'correction-requested', on: '2025-02-06' },
      { type: 'correction-received', on: '2025-02-12' },
    );
    expect(deadlineOfApplication(a, TODAY).answerDue).toBe('2025-03-12');
  });
});

describe('assembleTable3', () => {
  it('satisfies every identity of table 三 on random applications', () => {
    const facts = fc.record({
      applicantType: fc.constantFrom(
        'naturalPerson',
        'commercial',
        'research',
        'publicInterest',
        'legalService',
        'otherOrganisation',
      ),
      receivedDay: fc.integer({ min: 0, max: 900 }),
      length: fc.option(fc.integer({ min: 0, max: 120 })),
      outcome: fc.constantFrom('granted', 'partial', 'denied.thirdParty', 'unable.notHeld', 'other.other'),
    });
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 60 }), (list) => {
        const apps = list.map((f) => {
          const received = new Date(Date.UTC(2023, 0, 1 + f.receivedDay)).toISOString().slice(0, 10);
          const concluded =
            f.length === null
              ? null
              : new Date(Date.UTC(2023, 0, 1 + f.receivedDay + f.length)).toISOString().slice(0, 10);
          return {
            applicantType: f.applicantType,
            receivedOn: received,
            concludedOn: concluded,
            outcome: concluded ? f.outcome : null,
          } as const;
        });
        const report = generateValidReport(1, { year: 2024 });
        report.table3 = assembleTable3(apps, 2024);
        return validateReport(report).filter((x) => x.assessable && x.ruleId.startsWith('T3')).length === 0;
      }),
      { numRuns: 200 },
    );
  });

  it('counts an application open on 31 December as carried forward and again as carried over', () => {
    const open = {
      applicantType: 'commercial' as const,
      receivedOn: '2024-12-20',
      concludedOn: '2025-01-10',
      outcome: 'granted' as const,
    };
    expect(assembleTable3([open], 2024).carriedForward).toEqual([0, 1, 0, 0, 0, 0, 1]);
    const t2025 = assembleTable3([open], 2025);
    expect(t2025.carriedOver).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(t2025.granted).toEqual([0, 1, 0, 0, 0, 0, 1]);
  });
});

describe('a fee notice (国办函〔2020〕109号)', () => {
  const notice = (amountYuan: number, basis?: FeeBasis) =>
    ({ type: 'fee-notice', on: '2025-02-06', amountYuan, ...(basis ? { basis } : {}) }) as ApplicationEvent;
  const refusalOf = (event: ApplicationEvent) => {
    try {
      applyEvent(registered(), event, TODAY);
    } catch (error) {
      return error as { code: string; message: string };
    }
    return null;
  };

  it('is recorded when the amount is what its basis gives: 40 pages, or the 11th and 12th application of a month', () => {
    expect(refusalOf(notice(100, { method: 'per-page', pages: 40 }))).toBeNull();
    // 31–100 pages at 10 元, 101–200 at 20 元: 70×10 + 20×20.
    expect(refusalOf(notice(1100, { method: 'per-page', pages: 120 }))).toBeNull();
    expect(refusalOf(notice(200, { method: 'per-application', count: 2, alreadyThisMonth: 10 }))).toBeNull();
  });

  it('is refused beside the amount when the amount differs, and when the basis is free', () => {
    expect(refusalOf(notice(100, { method: 'per-page', pages: 41 }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '按41页计算的信息处理费为110元，与收费金额100元不一致：请核对计费方式和数量',
    });
    expect(refusalOf(notice(100, { method: 'per-page', pages: 30 }))?.message).toContain('不收取信息处理费');
    expect(refusalOf(notice(100, { method: 'per-application', count: 3 }))?.message).toContain('按3件不收取');
  });

  it('is refused without its basis', () => {
    expect(refusalOf(notice(100))?.message).toContain('收费通知须写明计费方式和数量');
  });
});
