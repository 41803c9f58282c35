import { describe, expect, it } from 'vitest';
import type { Application, ApplicationEvent } from './application.ts';
import { applyEvent } from './lifecycle.ts';
import { countedOutcome, mixedOutcomeRuleOf, withheldOutcomes } from './mixed-outcome.ts';

/** DOMAIN.md §A.6: anything provided → （二）部分公开; nothing → 不予公开 > 无法提供 > 不予处理 > 其他处理. */
describe('countedOutcome', () => {
  it('counts an answer that provides one item and not another as 部分公开, whichever is recorded first', () => {
    expect(countedOutcome('unable.notHeld', ['granted'])).toBe('partial');
    expect(countedOutcome('granted', ['unable.notHeld'])).toBe('partial');
    expect(countedOutcome('granted', ['denied.thirdParty', 'notProcessed.repeat'])).toBe('partial');
  });

  it('counts an answer that provides everything as 予以公开, and a lone outcome as itself', () => {
    expect(countedOutcome('granted', ['granted'])).toBe('granted');
    expect(countedOutcome('granted')).toBe('granted');
    expect(countedOutcome('partial')).toBe('partial');
    expect(countedOutcome('unable.needCreation', [])).toBe('unable.needCreation');
  });

  it('puts 不予公开 before 无法提供 before 不予处理 before 其他处理 when nothing is provided', () => {
    expect(countedOutcome('unable.notHeld', ['denied.thirdParty'])).toBe('denied.thirdParty');
    expect(countedOutcome('notProcessed.repeat', ['unable.needCreation'])).toBe('unable.needCreation');
    expect(countedOutcome('other.other', ['notProcessed.publication'])).toBe('notProcessed.publication');
    expect(
      countedOutcome('notProcessed.petition', ['other.other', 'unable.notHeld', 'denied.processInfo']),
    ).toBe('denied.processInfo');
  });

  it('keeps the officer’s main outcome when it is in the winning group', () => {
    expect(countedOutcome('denied.processInfo', ['denied.thirdParty'])).toBe('denied.processInfo');
    expect(countedOutcome('unable.notHeld', ['unable.needCreation', 'denied.stateSecret'])).toBe(
      'denied.stateSecret',
    );
  });

  it('gives the letter the reasons for what was not provided, never the counted row itself', () => {
    expect(withheldOutcomes('unable.notHeld', ['granted'])).toEqual(['unable.notHeld']);
    expect(withheldOutcomes('unable.notHeld', ['denied.thirdParty'])).toEqual(['unable.notHeld']);
    expect(withheldOutcomes('partial', ['denied.thirdParty', 'denied.thirdParty'])).toEqual([
      'denied.thirdParty',
    ]);
    expect(withheldOutcomes('granted')).toEqual([]);
  });
});

describe('applyEvent with a mixed answer', () => {
  const open: Application = {
    trackingNumber: '2025-0001',
    channel: 'online',
    submittedOn: '2025-03-03',
    confirmedOn: null,
    receivedOn: '2025-03-03',
    applicantType: 'naturalPerson',
    description: '两项信息',
    events: [],
    status: 'received',
    outcome: null,
    concludedOn: null,
  };

  it('concludes the application in the row the table counts', () => {
    const a = applyEvent(
      open,
      { type: 'answered', on: '2025-03-10', outcome: 'unable.notHeld', secondaryOutcomes: ['granted'] },
      '2025-06-30',
    );
    expect(a.outcome).toBe('partial');
    const b = applyEvent(
      open,
      {
        type: 'answered',
        on: '2025-03-10',
        outcome: 'unable.notHeld',
        secondaryOutcomes: ['denied.thirdParty'],
      },
      '2025-06-30',
    );
    expect(b.outcome).toBe('denied.thirdParty');
  });

  it('refuses 逾期不补正 or 逾期未缴费 among the secondary outcomes', () => {
    expect(() =>
      applyEvent(
        open,
        { type: 'answered', on: '2025-03-10', outcome: 'granted', secondaryOutcomes: ['other.noFee'] },
        '2025-06-30',
      ),
    ).toThrow('由对应的办理步骤记录');
  });

  it('under 一事一申请 refuses a second outcome at its field, and records a single one as it is', () => {
    const mixed: ApplicationEvent = {
      type: 'answered',
      on: '2025-03-10',
      outcome: 'granted',
      secondaryOutcomes: ['unable.notHeld'],
    };
    expect(() => applyEvent(open, mixed, '2025-06-30', 'separate-applications')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: [expect.objectContaining({ path: '/event/secondaryOutcomes' })],
      }),
    );
    const single = applyEvent(
      open,
      { type: 'answered', on: '2025-03-10', outcome: 'unable.notHeld', secondaryOutcomes: [] },
      '2025-06-30',
      'separate-applications',
    );
    expect(single.outcome).toBe('unable.notHeld');
    expect(applyEvent(open, mixed, '2025-06-30', 'one-row').outcome).toBe('partial');
  });
});

describe('mixedOutcomeRuleOf', () => {
  it('takes the nearest region’s own choice, else the recommended rule', () => {
    expect(mixedOutcomeRuleOf([])).toBe('one-row');
    expect(mixedOutcomeRuleOf([null, null])).toBe('one-row');
    expect(mixedOutcomeRuleOf([null, 'separate-applications', 'one-row'])).toBe('separate-applications');
    expect(mixedOutcomeRuleOf(['one-row', 'separate-applications'])).toBe('one-row');
  });
});
