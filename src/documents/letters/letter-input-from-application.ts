import type { Application, ApplicationEvent, Outcome } from '../../core/applications/application.ts';
import { deadlineOfApplication } from '../../core/applications/deadline-of-application.ts';
import { countedOutcome, withheldOutcomes } from '../../core/applications/mixed-outcome.ts';
import { type ReviewedAgency, reconsiderationBody } from '../../core/applications/reconsideration-body.ts';
import type { IsoDate } from '../../core/dates.ts';
import type { DeadlineResult } from '../../core/deadlines/deadline-result.ts';
import { AppError } from '../../core/errors.ts';
import { type FeeBasis, feeAmountMismatch, feeOfBasis } from '../../core/fees/fee-basis.ts';
import type { FeeResult } from '../../core/fees/fee-result.ts';
import { documentPrefixOf } from './document-prefix.ts';
import type { AnswerLetterInput, LetterInputs } from './letter-content.ts';
import type { ApplicantLetterBase, LetterBase, LetterKind } from './letter-frame.ts';
import type { RemedyBodies } from './letter-text.ts';

/**
 * The input of letterFor for one application: what the application records comes from it, the rest
 * from the officer's choices (the route maps its request body to them). Pure (`today` is the
 * caller's). Throws CONFLICT for a letter the application cannot have (an answer before it is
 * concluded, a notice without the step it announces) and INVALID_INPUT when the body contradicts
 * the application; letterFor itself refuses missing free texts.
 */

/** The application a letter is written for (an application's letter input; never a 复议/诉讼 case). */
export interface ApplicationForLetter {
  application: Application;
  /** Personal data: goes into the letter only. */
  applicantName: string;
  /** The agency with its region: the letter names the 行政复议机关 from them. */
  agency: ReviewedAgency;
}

/** What the officer writes or chooses for each kind of letter: only what the application does not record. */
export interface LetterChoicesByKind {
  answer: Pick<
    AnswerLetterInput,
    | 'obtain'
    | 'reasons'
    | 'grantedBasis'
    | 'thirdPartyReply'
    | 'notHeldBasis'
    | 'responsibleAgency'
    | 'previousAnswer'
    | 'massiveReasonRequestedOn'
    | 'petitionChannel'
    | 'remedyBodies'
  >;
  correction: Pick<LetterInputs['correction'], 'points' | 'workingDays' | 'submitTo'>;
  extension: Pick<LetterInputs['extension'], 'reason'>;
  fee: Pick<LetterInputs['fee'], 'payment' | 'remedyBodies'> & { feeBasis?: FeeBasis };
  consultation: Pick<LetterInputs['consultation'], 'concern' | 'replyTo'> & {
    /** The third party is an organisation (贵单位) rather than a person (您). */
    thirdPartyOrganisation?: boolean;
  };
  art35: Pick<LetterInputs['art35'], 'reasonRequestedOn'>;
}

/** The choices for one letter: its kind, an optional 机关代字 and date, and that kind's own fields. */
export type LetterChoices = {
  [K in LetterKind]: { kind: K; documentPrefix?: string; date?: IsoDate } & LetterChoicesByKind[K];
}[LetterKind];

type ChoicesOf<K extends LetterKind> = Extract<LetterChoices, { kind: K }>;

export type LetterRequest = { [K in LetterKind]: { kind: K; input: LetterInputs[K] } }[LetterKind];

const conflict = (message: string) => new AppError('CONFLICT', message);
const invalid = (message: string, field: string) => new AppError('INVALID_INPUT', message, { field });

type EventOf<T extends ApplicationEvent['type']> = Extract<ApplicationEvent, { type: T }>;

/** The last event of `type` and its index, or null. */
function lastEvent<T extends ApplicationEvent['type']>(
  events: readonly ApplicationEvent[],
  type: T,
  where: (e: EventOf<T>) => boolean = () => true,
): { event: EventOf<T>; index: number } | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i]!;
    if (e.type === type && where(e as EventOf<T>)) return { event: e as EventOf<T>, index: i };
  }
  return null;
}

/**
 * The deadlines as they stood right after event `index`: a notice states the dates known when it
 * was sent, not those that later steps (a consultation, art. 35) changed.
 */
function deadlinesAfter(application: Application, index: number, today: IsoDate): DeadlineResult {
  return deadlineOfApplication({ ...application, events: application.events.slice(0, index + 1) }, today);
}

/**
 * The remedy bodies of a letter dated `date`: the officer's, else the 行政复议机关 by the law in force
 * on that date (core/applications/reconsideration-body.ts).
 */
function remedyBodiesFor(
  c: ApplicationForLetter,
  given: RemedyBodies | undefined,
  date: IsoDate,
): RemedyBodies {
  if (given?.reconsiderationBody?.trim()) return given;
  return { ...given, reconsiderationBody: reconsiderationBody(c.agency, date) };
}

/** How many events of `type` (matching `where`) the application has: the round of the letter on the latest. */
function countEvents<T extends ApplicationEvent['type']>(
  events: readonly ApplicationEvent[],
  type: T,
  where: (e: EventOf<T>) => boolean = () => true,
): number {
  return events.filter((e) => e.type === type && where(e as EventOf<T>)).length;
}

/** The latest 补正 round: when it was requested and, if so, when the corrected application arrived. */
function latestCorrection(events: readonly ApplicationEvent[]) {
  let round: { requestedOn: IsoDate; receivedOn?: IsoDate } | undefined;
  for (const e of events) {
    if (e.type === 'correction-requested') round = { requestedOn: e.on };
    else if (e.type === 'correction-received' && round) round = { ...round, receivedOn: e.on };
  }
  return round;
}

/** Outcome and facts of the step that concluded the application. */
function conclusion(
  c: ApplicationForLetter,
  today: IsoDate,
): Partial<AnswerLetterInput> & { outcome: Outcome } {
  const a = c.application;
  const last = a.events.at(-1);
  if (a.status !== 'concluded' || !last) {
    throw conflict(
      `申请 ${a.trackingNumber} 尚未办结，不能出具答复书：请先记录答复（或撤回、逾期未补正、逾期未缴费）`,
    );
  }
  switch (last.type) {
    case 'answered':
      // The letter answers as the table counts (DOMAIN.md §A.6): the counted row, and the reasons
      // for what was not provided.
      return {
        outcome: countedOutcome(last.outcome, last.secondaryOutcomes),
        secondaryOutcomes: withheldOutcomes(last.outcome, last.secondaryOutcomes),
      };
    case 'withdrawn':
      return { outcome: 'other.other', withdrawnOn: last.on };
    case 'correction-lapsed':
      return { outcome: 'other.noCorrection' };
    case 'fee-lapsed': {
      // The payment deadline is stated only when the notice's receipt was recorded (as in the fee notice).
      const fee = lastEvent(a.events, 'fee-notice');
      const due = fee?.event.noticeReceivedOn ? deadlinesAfter(a, fee.index, today).feePaymentDue : null;
      return {
        outcome: 'other.noFee',
        ...(fee && due ? { feeNotice: { noticeOn: fee.event.on, dueOn: due } } : {}),
      };
    }
    default:
      throw conflict(`申请 ${a.trackingNumber} 的办结记录无法出具答复书`);
  }
}

function answerInput(
  c: ApplicationForLetter,
  body: ChoicesOf<'answer'>,
  base: ApplicantLetterBase,
  today: IsoDate,
): AnswerLetterInput {
  const concluded = conclusion(c, today);
  const outcomes = new Set<Outcome>([concluded.outcome, ...(concluded.secondaryOutcomes ?? [])]);
  for (const key of Object.keys(body.reasons ?? {}) as Outcome[]) {
    if (!outcomes.has(key)) {
      throw invalid(`reasons 中的“${key}”不是本案的办理结果（本案：${[...outcomes].join('、')}）`, 'reasons');
    }
  }
  const thirdParty = lastEvent(
    c.application.events,
    'consultation-started',
    (e) => e.party === 'third-party',
  );
  if (body.thirdPartyReply !== undefined && !thirdParty) {
    throw invalid(
      '本案没有征求第三方意见的记录，答复书不能写明第三方意见（thirdPartyReply）',
      'thirdPartyReply',
    );
  }
  return {
    ...base,
    ...concluded,
    correction: latestCorrection(c.application.events),
    obtain: body.obtain,
    reasons: body.reasons,
    grantedBasis: body.grantedBasis,
    thirdPartyReply: body.thirdPartyReply,
    notHeldBasis: body.notHeldBasis,
    responsibleAgency: body.responsibleAgency,
    previousAnswer: body.previousAnswer,
    massiveReasonRequestedOn: body.massiveReasonRequestedOn,
    petitionChannel: body.petitionChannel,
    remedyBodies: remedyBodiesFor(c, body.remedyBodies, base.date),
  };
}

/**
 * The fee of the notice: its bands recomputed from the basis recorded with it (notices recorded since
 * the basis is required) or, for older notices that record only the amount, from the basis the
 * officer names now (one amount can come from either basis: 40 pages and the 11th application both
 * cost 100 元); the total must equal the recorded amount.
 */
function recomputedFee(
  recorded: FeeBasis | undefined,
  named: FeeBasis | undefined,
  amountYuan: number,
): FeeResult {
  const basis = recorded ?? named;
  if (!basis) {
    throw invalid('该收费记录没有计费依据：请写明计费方式和数量（按量：页数；按件：件数）', 'feeBasis');
  }
  const mismatch = feeAmountMismatch(basis, amountYuan);
  if (mismatch) throw invalid(mismatch, 'feeBasis');
  return feeOfBasis(basis);
}

/**
 * The day of the step a letter of `kind` answers: the closing step (answer), the latest 补正 notice,
 * fee notice, third-party consultation, the notice of the extension or art. 35 decision. null when
 * the application has no such step (the caller then refuses the letter).
 */
function dateOfStep(events: readonly ApplicationEvent[], kind: LetterKind): IsoDate | null {
  switch (kind) {
    case 'answer': {
      const last = events.at(-1);
      return last && 'on' in last ? last.on : null;
    }
    case 'correction':
      return lastEvent(events, 'correction-requested')?.event.on ?? null;
    case 'extension':
      return lastEvent(events, 'extension')?.event.noticeOn ?? null;
    case 'fee':
      return lastEvent(events, 'fee-notice')?.event.on ?? null;
    case 'consultation':
      return lastEvent(events, 'consultation-started', (e) => e.party === 'third-party')?.event.on ?? null;
    case 'art35': {
      const found = lastEvent(events, 'art35')?.event;
      return found ? (found.noticeOn ?? found.decidedOn) : null;
    }
  }
}

/**
 * See the module comment. A letter without an explicit date is dated on the step it answers, not
 * on `today`: generated in 2026 for a 2025 answer, it is dated (and numbered) 2025.
 */
export function letterInputFromApplication(
  c: ApplicationForLetter,
  body: LetterChoices,
  today: IsoDate,
): LetterRequest {
  const a = c.application;
  const base: LetterBase = {
    agency: c.agency.name,
    documentPrefix: body.documentPrefix ?? documentPrefixOf(c.agency.name),
    trackingNumber: a.trackingNumber,
    date: body.date ?? dateOfStep(a.events, body.kind) ?? today,
    description: a.description,
    receivedOn: a.receivedOn,
  };
  const toApplicant: ApplicantLetterBase = {
    ...base,
    applicantName: c.applicantName,
    applicantType: a.applicantType,
  };
  switch (body.kind) {
    case 'answer':
      return { kind: 'answer', input: answerInput(c, body, toApplicant, today) };
    case 'correction': {
      if (!lastEvent(a.events, 'correction-requested')) {
        throw conflict('该申请没有补正记录：请先记录“发出补正通知”，再出具补正申请告知书');
      }
      return {
        kind: 'correction',
        input: {
          ...toApplicant,
          round: countEvents(a.events, 'correction-requested'),
          points: body.points,
          workingDays: body.workingDays,
          submitTo: body.submitTo,
        },
      };
    }
    case 'extension': {
      const found = lastEvent(a.events, 'extension');
      if (!found) throw conflict('该申请没有延长答复期限的记录：请先记录延期，再出具延期答复告知书');
      const after = deadlinesAfter(a, found.index, today);
      const newDueOn = after.answerDue;
      if (newDueOn === null) {
        throw conflict('延期时答复期限处于中止计算状态（征求意见或待缴费），延期后的答复期限尚不能确定');
      }
      return {
        kind: 'extension',
        input: {
          ...toApplicant,
          days: found.event.days,
          newDueOn,
          newDueProvisional: after.provisional,
          reason: body.reason,
        },
      };
    }
    case 'fee': {
      const found = lastEvent(a.events, 'fee-notice');
      if (!found) throw conflict('该申请没有收费记录：请先记录“发出收费通知”及金额，再出具收费通知书');
      const { event } = found;
      // The last payment day is known only once the day the applicant received the notice is recorded.
      const after = event.noticeReceivedOn ? deadlinesAfter(a, found.index, today) : null;
      const dueOn = after?.feePaymentDue ?? null;
      return {
        kind: 'fee',
        input: {
          ...toApplicant,
          fee: recomputedFee(event.basis, body.feeBasis, event.amountYuan),
          payment: body.payment,
          dueOn: dueOn ?? undefined,
          dueProvisional: after?.provisional ?? null,
          remedyBodies: remedyBodiesFor(c, body.remedyBodies, base.date),
        },
      };
    }
    case 'consultation': {
      const found = lastEvent(a.events, 'consultation-started', (e) => e.party === 'third-party');
      if (!found) {
        throw conflict(
          '该申请没有征求第三方意见的记录（条例第三十二条）：请先记录征求第三方意见；征求其他机关意见（第三十四条）不使用本文书',
        );
      }
      const { event } = found;
      // As for the fee: the reply deadline runs from the third party's receipt of the letter.
      const after = event.letterReceivedOn ? deadlinesAfter(a, found.index, today) : null;
      const dueOn = after?.thirdPartyReplyDue.at(-1)?.due;
      return {
        kind: 'consultation',
        input: {
          ...base,
          round: countEvents(a.events, 'consultation-started', (e) => e.party === 'third-party'),
          thirdParty: { name: event.name, organisation: body.thirdPartyOrganisation ?? false },
          concern: body.concern,
          dueOn,
          dueProvisional: after?.provisional ?? null,
          replyTo: body.replyTo,
        },
      };
    }
    case 'art35': {
      const found = lastEvent(a.events, 'art35');
      if (!found)
        throw conflict('该申请没有确定延迟答复期限的记录（条例第三十五条），不能出具延迟答复告知书');
      return {
        kind: 'art35',
        input: { ...toApplicant, dueOn: found.event.dueOn, reasonRequestedOn: body.reasonRequestedOn },
      };
    }
  }
}
