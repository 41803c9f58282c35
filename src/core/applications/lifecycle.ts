import type { IsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';
import { feeAmountMismatch } from '../fees/fee-basis.ts';
import { ALLOWED_STEPS } from './allowed-steps.ts';
import type { Application, ApplicationEvent, ApplicationStatus, Outcome } from './application.ts';
import { APPLICATION_STATUS_LABELS, APPLICATION_EVENT_LABELS as EVENT_LABELS } from './application.ts';
import {
  countedOutcome,
  DEFAULT_MIXED_OUTCOME_RULE,
  type MixedOutcomeRule,
  mixedOutcomeRefusal,
} from './mixed-outcome.ts';

/** Outcomes that follow from an event, not from an answer. */
const OUTCOME_OF_EVENT: Partial<Record<ApplicationEvent['type'], Outcome>> = {
  'correction-lapsed': 'other.noCorrection',
  'fee-lapsed': 'other.noFee',
  withdrawn: 'other.other',
};

export function eventDate(event: ApplicationEvent): IsoDate {
  if (event.type === 'extension') return event.approvedOn;
  if (event.type === 'art35') return event.decidedOn;
  return event.on;
}

function refuse(message: string): never {
  throw new AppError('CONFLICT', message);
}

/** A wrong value of the step itself: 400, with the field it belongs to (shown beside it). */
function invalidField(field: string, message: string): never {
  throw new AppError('INVALID_INPUT', message, [{ path: `/event/${field.replaceAll('.', '/')}`, message }]);
}

/**
 * Applies one procedural event to an application: the state machine of the procedure. Pure: it
 * returns a new application and never reads the clock (`today` is the caller's date). Refuses,
 * with a Chinese message, an event the current status does not allow, an event dated before the
 * previous one or after today, a second extension, and outcomes that only an event can produce.
 */
export function applyEvent(
  application: Application,
  event: ApplicationEvent,
  today: IsoDate,
  mixedOutcomeRule: MixedOutcomeRule = DEFAULT_MIXED_OUTCOME_RULE,
): Application {
  const status = application.status;
  if (!ALLOWED_STEPS[status].includes(event.type)) {
    refuse(
      status === 'concluded'
        ? `申请 ${application.trackingNumber} 已办结，不能再${EVENT_LABELS[event.type]}`
        : `申请当前状态为“${APPLICATION_STATUS_LABELS[status]}”，不能${EVENT_LABELS[event.type]}`,
    );
  }
  const on = eventDate(event);
  const last =
    application.events.length > 0
      ? eventDate(application.events[application.events.length - 1]!)
      : application.receivedOn;
  if (on < application.receivedOn)
    refuse(`${EVENT_LABELS[event.type]}的日期 ${on} 早于收到申请之日 ${application.receivedOn}`);
  if (on < last) refuse(`${EVENT_LABELS[event.type]}的日期 ${on} 早于上一个办理步骤的日期 ${last}`);
  if (on > today) refuse(`${EVENT_LABELS[event.type]}的日期 ${on} 晚于今天（${today}）`);
  checkEvent(application, event, mixedOutcomeRule);
  const events = [...application.events, event];
  const next = nextStatus(status, event);
  const outcome =
    event.type === 'answered'
      ? countedOutcome(event.outcome, event.secondaryOutcomes)
      : (OUTCOME_OF_EVENT[event.type] ?? null);
  return {
    ...application,
    events,
    status: next,
    outcome: next === 'concluded' ? outcome : null,
    concludedOn: next === 'concluded' ? on : null,
  };
}

function checkEvent(
  application: Application,
  event: ApplicationEvent,
  mixedOutcomeRule: MixedOutcomeRule,
): void {
  const has = (type: ApplicationEvent['type']) => application.events.some((e) => e.type === type);
  switch (event.type) {
    case 'correction-requested':
      if (application.events.filter((e) => e.type === 'correction-requested').length >= 2) {
        refuse('补正最多两次：第二次补正后申请内容仍不明确的，应以“补正后申请内容仍不明确”答复');
      }
      if (has('extension') || has('art35')) refuse('已延长答复期限或确定延迟答复期限后，不能再要求补正');
      return;
    case 'extension':
      if (has('extension')) refuse('答复期限只能延长一次（条例第三十三条）');
      if (event.noticeOn < event.approvedOn) refuse('告知申请人延期的日期不能早于批准延期的日期');
      return;
    case 'art35':
      if (event.dueOn <= event.decidedOn) refuse('延迟答复的期限应晚于作出决定之日');
      return;
    case 'fee-notice': {
      if (has('fee-notice')) refuse('同一申请只能发出一次收费通知');
      if (!event.basis) {
        invalidField(
          'basis.method',
          '收费通知须写明计费方式和数量（按量：页数；按件：件数），金额按国办函〔2020〕109号计算',
        );
      }
      const mismatch = feeAmountMismatch(event.basis, event.amountYuan);
      if (mismatch) invalidField('amountYuan', mismatch);
      return;
    }
    case 'answered':
      if (
        [event.outcome, ...(event.secondaryOutcomes ?? [])].some(
          (o) => o === 'other.noCorrection' || o === 'other.noFee',
        )
      ) {
        refuse('“逾期不补正”和“逾期未缴费”由对应的办理步骤记录，不作为答复结果');
      }
      {
        const mixed = mixedOutcomeRefusal(mixedOutcomeRule, event.secondaryOutcomes);
        if (mixed) invalidField('secondaryOutcomes', mixed);
      }
      if (event.outcome === 'unable.stillUnclear' && !has('correction-received')) {
        refuse('只有申请人补正后内容仍不明确，才能以“补正后申请内容仍不明确”答复');
      }
      return;
    default:
      return;
  }
}

function nextStatus(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus {
  switch (event.type) {
    case 'correction-requested':
      return 'awaiting-correction';
    case 'consultation-started':
      return 'consulting';
    case 'fee-notice':
      return 'awaiting-fee';
    case 'correction-received':
    case 'consultation-ended':
    case 'fee-paid':
      return 'received';
    case 'correction-lapsed':
    case 'fee-lapsed':
    case 'answered':
    case 'withdrawn':
      return 'concluded';
    default:
      return status;
  }
}
