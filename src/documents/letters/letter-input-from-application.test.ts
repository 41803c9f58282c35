import { describe, expect, it } from 'vitest';
import type { Application, ApplicationEvent } from '../../core/applications/application.ts';
import { applyEvent } from '../../core/applications/lifecycle.ts';
import type { ReviewedAgency } from '../../core/applications/reconsideration-body.ts';
import { AppError } from '../../core/errors.ts';
import { letterFor } from './letter-content.ts';
import {
  type ApplicationForLetter,
  type LetterChoices,
  letterInputFromApplication,
} from './letter-input-from-application.ts';

const TODAY = '2025-06-30';

const ZHONGWEI_DATA: ReviewedAgency = {
  name: '中卫市数据局',
  kind: 'department',
  region: { name: '中卫市', level: 'city' },
  parentRegion: { name: '宁夏回族自治区' },
};

/** An application handed in on Monday 2025-03-03 (answer due 2025-03-31), taken through `events` by the core. */
function applicationWith(
  events: ApplicationEvent[],
  agencyKind: 'department' | 'government' = 'department',
): ApplicationForLetter {
  const registered: Application = {
    trackingNumber: '2025-0007',
    channel: 'in-person',
    submittedOn: '2025-03-03',
    confirmedOn: null,
    receivedOn: '2025-03-03',
    applicantType: 'commercial',
    description: '2024年政务云平台项目合同',
    events: [],
    status: 'received',
    outcome: null,
    concludedOn: null,
  };
  return {
    application: events.reduce((a, e) => applyEvent(a, e, TODAY), registered),
    applicantName: '甲乙贸易有限公司',
    agency:
      agencyKind === 'department'
        ? ZHONGWEI_DATA
        : {
            name: '沙坡头区人民政府办公室',
            kind: 'government',
            region: { name: '沙坡头区', level: 'county' },
            parentRegion: { name: '中卫市' },
          },
  };
}

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

const body = (b: Record<string, unknown>) => b as LetterChoices;

const consultation: ApplicationEvent = {
  type: 'consultation-started',
  on: '2025-03-21',
  party: 'third-party',
  name: '宁夏某某科技有限公司',
};
const answered: ApplicationEvent = {
  type: 'answered',
  on: '2025-03-28',
  outcome: 'partial',
  secondaryOutcomes: ['denied.thirdParty'],
};

describe('letterInputFromApplication', () => {
  it('takes applicant, description, dates, outcome and number from the application, the texts from the body', () => {
    const closed = applicationWith([
      consultation,
      { type: 'consultation-ended', on: '2025-03-27' },
      answered,
    ]);
    const { kind, input } = letterInputFromApplication(
      closed,
      body({ kind: 'answer', obtain: '随本答复书送达', thirdPartyReply: 'objected' }),
      TODAY,
    );
    expect(kind).toBe('answer');
    expect(input).toMatchObject({
      agency: '中卫市数据局',
      documentPrefix: '中卫数据',
      trackingNumber: '2025-0007',
      // Dated on the answer it gives, not on the day it is printed.
      date: '2025-03-28',
      receivedOn: '2025-03-03',
      description: '2024年政务云平台项目合同',
      applicantName: '甲乙贸易有限公司',
      applicantType: 'commercial',
      outcome: 'partial',
      secondaryOutcomes: ['denied.thirdParty'],
      obtain: '随本答复书送达',
    });
  });

  it('answers a mixed answer as the table counts it (DOMAIN.md §A.6): one item provided, one not held', () => {
    const mixed = applicationWith([
      { type: 'answered', on: '2025-03-28', outcome: 'unable.notHeld', secondaryOutcomes: ['granted'] },
    ]);
    const { input } = letterInputFromApplication(
      mixed,
      body({ kind: 'answer', obtain: '随本答复书送达' }),
      TODAY,
    );
    expect(input).toMatchObject({ outcome: 'partial', secondaryOutcomes: ['unable.notHeld'] });
  });

  it('refuses an answer before the application is concluded', () => {
    expect(
      refusal(() => letterInputFromApplication(applicationWith([]), body({ kind: 'answer' }), TODAY)),
    ).toEqual({
      code: 'CONFLICT',
      message: '申请 2025-0007 尚未办结，不能出具答复书：请先记录答复（或撤回、逾期未补正、逾期未缴费）',
    });
  });

  it('refuses reasons for an outcome the application does not have, and a third-party reply without consultation', () => {
    const partial = applicationWith([answered]);
    const foreign = body({ kind: 'answer', obtain: 'x', reasons: { 'denied.stateSecret': '涉密' } });
    expect(refusal(() => letterInputFromApplication(partial, foreign, TODAY)).code).toBe('INVALID_INPUT');
    const reply = body({ kind: 'answer', obtain: 'x', thirdPartyReply: 'no-reply' });
    expect(refusal(() => letterInputFromApplication(partial, reply, TODAY)).code).toBe('INVALID_INPUT');
  });

  it('answers a withdrawal as “other” with its date and without remedies', () => {
    const { kind, input } = letterInputFromApplication(
      applicationWith([{ type: 'withdrawn', on: '2025-03-10' }]),
      body({ kind: 'answer' }),
      TODAY,
    );
    expect(input).toMatchObject({ outcome: 'other.other', withdrawnOn: '2025-03-10' });
    expect(letterFor(kind, input).remedies).toBeNull();
  });

  it('names the government one level up as reconsideration body of a people’s government', () => {
    const c = applicationWith(
      [{ type: 'answered', on: '2025-03-10', outcome: 'unable.notHeld' }],
      'government',
    );
    const { kind, input } = letterInputFromApplication(c, body({ kind: 'answer' }), TODAY);
    // 行政复议法 (2023) art. 24 ¶1 (二): 沙坡头区人民政府's acts go to 中卫市人民政府.
    expect(letterFor(kind, input).remedies).toContain('向中卫市人民政府申请行政复议');
    const own = body({ kind: 'answer', remedyBodies: { reconsiderationBody: '宁夏回族自治区人民政府' } });
    expect(letterFor('answer', letterInputFromApplication(c, own, TODAY).input as never).remedies).toContain(
      '向宁夏回族自治区人民政府申请行政复议',
    );
  });

  it('marks an extended due date in a year without a holiday arrangement 暂定 in the letter (issue 15)', () => {
    const december: ApplicationForLetter = {
      ...applicationWith([]),
      application: {
        ...applicationWith([]).application,
        trackingNumber: '2026-0100',
        submittedOn: '2026-12-01',
        receivedOn: '2026-12-01',
        events: [
          { type: 'extension', approvedOn: '2026-12-07', noticeOn: '2026-12-07', days: 20, approver: '主任' },
        ],
      },
    };
    const { kind, input } = letterInputFromApplication(december, body({ kind: 'extension' }), '2026-12-07');
    // 20 working days: 12-02..12-29 (2026 notice: no holiday in December); 20 more: 12-30, 12-31,
    // 2027-01-01 元旦 (statutory), 01-04..08, 01-11..15, 01-18..22, 01-25, 01-26, 01-27 (20th).
    expect(input).toMatchObject({ newDueOn: '2027-01-27', newDueProvisional: { years: [2027] } });
    expect(letterFor(kind, input).paragraphs.join('')).toContain(
      '本机关将于2027年1月27日前（含当日；因2027年节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》暂定，以公布的安排为准）作出答复',
    );
  });

  it('states the extended due date as it stood when the extension was granted', () => {
    const extension: ApplicationEvent = {
      type: 'extension',
      approvedOn: '2025-03-20',
      noticeOn: '2025-03-20',
      days: 10,
      approver: '主任',
    };
    // The consultation opened afterwards suspends today's deadline; the notice keeps its date.
    const c = applicationWith([extension, consultation]);
    const { input } = letterInputFromApplication(c, body({ kind: 'extension', date: '2025-03-20' }), TODAY);
    // 20 working days end on 03-31; ten more skip the 清明 break (04-04) and end on 04-15.
    expect(input).toMatchObject({ days: 10, newDueOn: '2025-04-15', date: '2025-03-20' });
    expect(
      refusal(() => letterInputFromApplication(applicationWith([]), body({ kind: 'extension' }), TODAY)).code,
    ).toBe('CONFLICT');
  });

  it('recomputes the fee bands for the recorded amount and refuses a basis that gives another total', () => {
    const notice: ApplicationEvent = {
      type: 'fee-notice',
      on: '2025-03-05',
      amountYuan: 100,
      noticeReceivedOn: '2025-03-07',
    };
    // A notice recorded before the basis was required: only its amount is on the application.
    const recorded = applicationWith([{ ...notice, basis: { method: 'per-page', pages: 40 } }]);
    const c = { ...recorded, application: { ...recorded.application, events: [notice] } };
    const pages = body({ kind: 'fee', feeBasis: { method: 'per-page', pages: 40 }, payment: '窗口缴纳' });
    const { input } = letterInputFromApplication(c, pages, TODAY);
    expect(input).toMatchObject({
      fee: { method: 'per-page', totalYuan: 100, bands: [{ count: 30 }, { count: 10, amountYuan: 100 }] },
      // Notice received 03-07 + 20 working days, skipping 清明 (04-04).
      dueOn: '2025-04-07',
    });
    const eleventh = body({
      kind: 'fee',
      feeBasis: { method: 'per-application', count: 1, alreadyThisMonth: 10 },
      payment: '窗口缴纳',
    });
    expect(letterInputFromApplication(c, eleventh, TODAY).input).toMatchObject({ fee: { totalYuan: 100 } });
    const wrong = body({ kind: 'fee', feeBasis: { method: 'per-page', pages: 41 }, payment: '窗口缴纳' });
    expect(refusal(() => letterInputFromApplication(c, wrong, TODAY))).toEqual({
      code: 'INVALID_INPUT',
      message: '按41页计算的信息处理费为110元，与收费金额100元不一致：请核对计费方式和数量',
    });
    expect(refusal(() => letterInputFromApplication(applicationWith([]), pages, TODAY)).code).toBe(
      'CONFLICT',
    );
  });

  it('takes the basis recorded with the notice, so the officer need not name it again', () => {
    const c = applicationWith([
      { type: 'fee-notice', on: '2025-03-05', amountYuan: 1100, basis: { method: 'per-page', pages: 120 } },
    ]);
    const { input } = letterInputFromApplication(c, body({ kind: 'fee', payment: '窗口缴纳' }), TODAY);
    // 31–100 at 10 元 (700), 101–120 at 20 元 (400).
    expect(input).toMatchObject({
      fee: {
        totalYuan: 1100,
        bands: [{ count: 30 }, { count: 70, amountYuan: 700 }, { count: 20, amountYuan: 400 }],
      },
    });
  });

  it('addresses the consultation to the recorded third party and never names the applicant', () => {
    const c = applicationWith([{ ...consultation, letterReceivedOn: '2025-03-24' } as ApplicationEvent]);
    const { kind, input } = letterInputFromApplication(
      c,
      body({ kind: 'consultation', date: '2025-03-21', thirdPartyOrganisation: true }),
      TODAY,
    );
    expect(input).toMatchObject({ thirdParty: { name: '宁夏某某科技有限公司', organisation: true } });
    expect(input).not.toHaveProperty('applicantName');
    const letter = letterFor(kind, input);
    expect(letter.addressee).toBe('宁夏某某科技有限公司');
    expect(JSON.stringify(letter)).not.toContain(c.applicantName);
    const agencyOnly = applicationWith([
      { ...consultation, party: 'agency', name: '中卫市财政局' } as ApplicationEvent,
    ]);
    expect(
      refusal(() => letterInputFromApplication(agencyOnly, body({ kind: 'consultation' }), TODAY)).code,
    ).toBe('CONFLICT');
  });

  it('takes the art. 35 due date from the application, and refuses a 补正 notice without a 补正', () => {
    const c = applicationWith([{ type: 'art35', decidedOn: '2025-03-10', dueOn: '2025-05-30' }]);
    expect(letterInputFromApplication(c, body({ kind: 'art35' }), TODAY).input).toMatchObject({
      dueOn: '2025-05-30',
    });
    expect(
      refusal(() => letterInputFromApplication(c, body({ kind: 'correction', points: ['x'] }), TODAY)).code,
    ).toBe('CONFLICT');
  });

  it('uses the documentPrefix of the body over the one derived from the agency name', () => {
    const c = applicationWith([{ type: 'correction-requested', on: '2025-03-05' }]);
    const { kind, input } = letterInputFromApplication(
      c,
      body({ kind: 'correction', points: ['请明确年份'], documentPrefix: '卫数' }),
      TODAY,
    );
    expect(letterFor(kind, input).documentNumber).toBe('卫数补〔2025〕第0007号');
  });
});

describe('document numbers of repeated letters', () => {
  const correction = (points: string[]) => body({ kind: 'correction', points });
  const numberOf = (c: ApplicationForLetter, b: LetterChoices) => {
    const { kind, input } = letterInputFromApplication(c, b, TODAY);
    return letterFor(kind, input).documentNumber;
  };

  it('gives the second 补正 notice a number of its own', () => {
    const first: ApplicationEvent[] = [{ type: 'correction-requested', on: '2025-03-05' }];
    const second: ApplicationEvent[] = [
      ...first,
      { type: 'correction-received', on: '2025-03-10' },
      { type: 'correction-requested', on: '2025-03-12' },
    ];
    const one = numberOf(applicationWith(first), correction(['请写明项目名称']));
    const two = numberOf(applicationWith(second), correction(['请写明合同签订年份']));
    expect(one).toBe('中卫数据补〔2025〕第0007号');
    expect(two).toBe('中卫数据补〔2025〕第0007-2号');
  });

  it('numbers consultation letters by the third parties consulted, not by other agencies', () => {
    const ended: ApplicationEvent = { type: 'consultation-ended', on: '2025-03-25' };
    const agency: ApplicationEvent = {
      type: 'consultation-started',
      on: '2025-03-26',
      party: 'agency',
      name: '中卫市财政局',
    };
    const again: ApplicationEvent = { ...consultation, on: '2025-04-02', name: '宁夏另一科技有限公司' };
    const letter = body({ kind: 'consultation', concern: '合同中的单价', replyTo: '本机关' });
    expect(numberOf(applicationWith([consultation]), letter)).toBe('中卫数据征〔2025〕第0007号');
    const later = applicationWith([consultation, ended, agency, { ...ended, on: '2025-03-31' }, again]);
    expect(numberOf(later, letter)).toBe('中卫数据征〔2025〕第0007-2号');
  });
});

describe('the law and the date of a letter', () => {
  /** The same agency's application received `receivedOn`, numbered `trackingNumber`, taken through `events`. */
  function applicationOf(
    trackingNumber: string,
    receivedOn: string,
    events: ApplicationEvent[],
  ): ApplicationForLetter {
    const registered: Application = {
      ...applicationWith([]).application,
      trackingNumber,
      submittedOn: receivedOn,
      receivedOn,
    };
    return {
      application: events.reduce((a, e) => applyEvent(a, e, '2026-12-07'), registered),
      applicantName: '甲乙贸易有限公司',
      agency: ZHONGWEI_DATA,
    };
  }
  const answerOf = (c: ApplicationForLetter, today = '2026-12-07') => {
    const { kind, input } = letterInputFromApplication(c, body({ kind: 'answer' }), today);
    return letterFor(kind, input);
  };
  const notHeld = (on: string): ApplicationEvent => ({ type: 'answered', on, outcome: 'unable.notHeld' });

  it('names the city government alone for a 2024 decision, and adds the department above for a 2023 one', () => {
    // 行政复议法 (2017) art. 12 ¶1: either body; (2023, in force 2024-01-01) art. 24 ¶1 (一): the government.
    const old = answerOf(applicationOf('2023-0007', '2023-12-01', [notHeld('2023-12-28')]));
    const revised = answerOf(applicationOf('2024-0007', '2024-01-02', [notHeld('2024-01-05')]));
    expect(old.remedies).toContain('向中卫市人民政府或者上一级主管部门申请行政复议');
    expect(revised.remedies).toContain('向中卫市人民政府申请行政复议，');
    expect(revised.remedies).not.toContain('上一级主管部门');
    for (const letter of [old, revised]) {
      expect(JSON.stringify(letter)).not.toContain('本级人民政府');
      // 行政诉讼法 art. 46: six months, directly.
      expect(letter.remedies).toContain('或者自收到本答复之日起六个月内依法向有管辖权的人民法院提起行政诉讼');
    }
  });

  it('sends a refusal dated from 2024 to review first, and lets a 2023 refusal go to court directly', () => {
    const refusal = (on: string): ApplicationEvent => ({
      type: 'answered',
      on,
      outcome: 'denied.internalAffairs',
    });
    const old = answerOf(applicationOf('2023-0007', '2023-12-01', [refusal('2023-12-28')]));
    const revised = answerOf(applicationOf('2024-0007', '2024-01-02', [refusal('2024-01-05')]));
    expect(old.remedies).toContain('或者自收到本答复之日起六个月内');
    // 行政复议法 (2023) art. 23 ¶1 (四); 行政诉讼法 art. 45: fifteen days after the review decision.
    expect(revised.remedies).toBe(
      '如对本答复不服，可以在收到本答复之日起六十日内向中卫市人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向有管辖权的人民法院提起行政诉讼。',
    );
  });

  it('names the province government for its own acts and the department above for a vertically led body', () => {
    const province: ReviewedAgency = {
      name: '宁夏回族自治区人民政府办公厅',
      kind: 'government',
      region: { name: '宁夏回族自治区', level: 'province' },
      parentRegion: null,
    };
    const customs: ReviewedAgency = { ...ZHONGWEI_DATA, name: '中卫海关' };
    const c = applicationOf('2025-0007', '2025-03-03', [notHeld('2025-03-10')]);
    expect(answerOf({ ...c, agency: province }).remedies).toContain('向宁夏回族自治区人民政府申请行政复议');
    expect(answerOf({ ...c, agency: customs }).remedies).toContain('向上一级主管部门申请行政复议');
  });

  it('dates a letter generated in 2026 for a 2025 step on that step, with a 2025 number', () => {
    const c = applicationOf('2025-0007', '2025-03-03', [notHeld('2025-03-10')]);
    const letter = answerOf(c, '2026-12-07');
    expect(letter.date).toBe('2025年3月10日');
    expect(letter.documentNumber).toBe('中卫数据〔2025〕第0007号');
    const extended = applicationOf('2025-0007', '2025-03-03', [
      { type: 'extension', approvedOn: '2025-03-27', noticeOn: '2025-03-28', days: 20, approver: '主任' },
    ]);
    const { kind, input } = letterInputFromApplication(extended, body({ kind: 'extension' }), '2026-12-07');
    expect(input.date).toBe('2025-03-28');
    expect(letterFor(kind, input).documentNumber).toBe('中卫数据延〔2025〕第0007号');
  });

  it('numbers a letter issued the year after the application by its own year and the whole tracking number', () => {
    // Received 2025-12-22, answered 2026-01-06: 〔2026〕, and not the number of application 2026-0007's letter.
    const c = applicationOf('2025-0007', '2025-12-22', [notHeld('2026-01-06')]);
    const letter = answerOf(c);
    expect(letter.date).toBe('2026年1月6日');
    expect(letter.documentNumber).toBe('中卫数据〔2026〕第2025-0007号');
    const explicit = letterInputFromApplication(
      c,
      body({ kind: 'answer', date: '2026-01-08' }),
      '2026-12-07',
    );
    expect(explicit.input.date).toBe('2026-01-08');
  });
});
