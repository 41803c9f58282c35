import type { Outcome } from '../../core/applications/application.ts';
import { reviewRequiredFirst } from '../../core/applications/reconsideration-body.ts';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import {
  type AnswerFacts,
  decisionText,
  hasRemedies,
  isLeafOutcome,
  type LeafOutcome,
} from './answer-wording.ts';
import {
  type ApplicantLetterBase,
  assemble,
  frame,
  type Letter,
  type LetterKind,
  youOf,
} from './letter-frame.ts';
import {
  dateField,
  itemMark,
  optionalText,
  type RemedyBodies,
  remediesParagraph,
  textField,
  zhDate,
} from './letter-text.ts';
import {
  type Art35LetterInput,
  art35Letter,
  type ConsultationLetterInput,
  type CorrectionLetterInput,
  consultationLetter,
  correctionLetter,
  type ExtensionLetterInput,
  extensionLetter,
  type FeeLetterInput,
  feeLetter,
} from './notices.ts';

/**
 * The texts of the 告知书 an agency sends while handling an application (DOMAIN.md §C): the answer
 * for each outcome (wording in answer-wording.ts), and the 补正, extension, fee, third-party
 * consultation and art. 35 notices (notices.ts). Pure: personal data (the applicant's or third
 * party's name) is passed in by the caller, never looked up, and appears only as the addressee.
 * Throws AppError INVALID_INPUT / INVALID_DATE when a field the letter cannot do without is missing
 * or invalid.
 */

export type { Letter, LetterKind } from './letter-frame.ts';
export type {
  Art35LetterInput,
  ConsultationLetterInput,
  CorrectionLetterInput,
  ExtensionLetterInput,
  FeeLetterInput,
} from './notices.ts';

/**
 * The answer letter's input: the answer facts (answer-wording.ts) without the addressee form, the
 * bases optional — grantedBasis defaults to 36(2) disclosable, notHeldBasis to 36(5) when
 * responsibleAgency is given and 36(4) otherwise — and the outcomes.
 */
export interface AnswerLetterInput
  extends ApplicantLetterBase,
    Omit<AnswerFacts, 'you' | 'grantedBasis' | 'notHeldBasis'>,
    Partial<Pick<AnswerFacts, 'grantedBasis' | 'notHeldBasis'>> {
  outcome: Outcome;
  /** Outcomes of items of the request not covered by `outcome` (the reasons for what was withheld under partial). */
  secondaryOutcomes?: Outcome[];
  /** The agency's own reasons, per outcome, printed after the statutory finding. */
  reasons?: Partial<Record<Outcome, string>>;
  remedyBodies?: RemedyBodies;
}

export interface LetterInputs {
  answer: AnswerLetterInput;
  correction: CorrectionLetterInput;
  extension: ExtensionLetterInput;
  fee: FeeLetterInput;
  consultation: ConsultationLetterInput;
  art35: Art35LetterInput;
}

function leafOutcome(value: Outcome, field: string): LeafOutcome {
  if (isLeafOutcome(value)) return value;
  throw new AppError(
    'INVALID_INPUT',
    `办理结果“${String(value)}”无效：应为表三的一个办理结果行（如 granted、partial、denied.thirdParty）`,
    {
      field,
    },
  );
}

function answerFacts(input: AnswerLetterInput, you: string): AnswerFacts {
  const when = (d: IsoDate | undefined, field: string) => (d === undefined ? undefined : dateField(d, field));
  const { correction: c, feeNotice: fee, previousAnswer: previous, responsibleAgency: agency } = input;
  return {
    you,
    obtain: optionalText(input.obtain),
    grantedBasis: input.grantedBasis ?? 'disclosable',
    thirdPartyReply: input.thirdPartyReply,
    notHeldBasis: input.notHeldBasis ?? (agency ? 'not-responsible' : 'not-found'),
    responsibleAgency: agency && {
      name: textField(agency.name, 'responsibleAgency.name', '负责公开该信息的机关名称'),
      contact: optionalText(agency.contact),
    },
    correction: c && {
      requestedOn: dateField(c.requestedOn, 'correction.requestedOn'),
      receivedOn: when(c.receivedOn, 'correction.receivedOn'),
      dueOn: when(c.dueOn, 'correction.dueOn'),
    },
    feeNotice: fee && {
      noticeOn: dateField(fee.noticeOn, 'feeNotice.noticeOn'),
      dueOn: dateField(fee.dueOn, 'feeNotice.dueOn'),
    },
    previousAnswer: previous && {
      on: dateField(previous.on, 'previousAnswer.on'),
      documentNumber: optionalText(previous.documentNumber),
    },
    massiveReasonRequestedOn: when(input.massiveReasonRequestedOn, 'massiveReasonRequestedOn'),
    petitionChannel: optionalText(input.petitionChannel),
    withdrawnOn: when(input.withdrawnOn, 'withdrawnOn'),
  };
}

function answerLetter(input: AnswerLetterInput): Letter {
  const outcome = leafOutcome(input.outcome, 'outcome');
  const you = youOf(input.applicantType);
  const f = frame(input, you);
  const facts = answerFacts(input, you);
  const reason = (o: Outcome) => optionalText(input.reasons?.[o]);
  const secondary = [...new Set(input.secondaryOutcomes ?? [])]
    .map((o) => leafOutcome(o, 'secondaryOutcomes'))
    .filter((o) => o !== outcome);
  for (const o of secondary) {
    if (o === 'granted' || o === 'partial') {
      throw new AppError('INVALID_INPUT', '其他办理结果只用于未予提供的部分，不能是“予以公开”或“部分公开”', {
        field: 'secondaryOutcomes',
      });
    }
  }
  if ((outcome === 'granted' || outcome === 'partial') && !facts.obtain) {
    throw new AppError('INVALID_INPUT', '予以公开或部分公开的答复须写明获取信息的方式、途径（obtain）', {
      field: 'obtain',
    });
  }
  if (outcome === 'partial' && secondary.length === 0 && !reason('partial')) {
    throw new AppError(
      'INVALID_INPUT',
      '部分公开须对不予公开的内容说明理由（secondaryOutcomes 或 reasons.partial）',
      {
        field: 'secondaryOutcomes',
      },
    );
  }
  if (outcome === 'other.other' && !facts.withdrawnOn && !reason('other.other')) {
    throw new AppError('INVALID_INPUT', '“其他处理”须写明撤回日期（withdrawnOn）或处理理由（reasons）', {
      field: 'withdrawnOn',
    });
  }
  const corrected = facts.correction?.receivedOn
    ? `，并于${zhDate(facts.correction.receivedOn)}收到${you}补正后的申请`
    : '';
  const paragraphs = [`${f.opening}${corrected}。现答复如下：`];
  const subject = `${you}申请公开的政府信息`;
  if (outcome === 'partial') {
    paragraphs.push(decisionText('partial', subject, false, facts, undefined, f.citations));
    paragraphs.push(`对未予提供的内容，说明理由如下：${reason('partial') ? `${reason('partial')}。` : ''}`);
    secondary.forEach((o, i) => {
      const text = decisionText(o, `${you}申请公开的部分信息`, true, facts, reason(o), f.citations);
      paragraphs.push(`${secondary.length > 1 ? itemMark(i) : ''}${text}`);
    });
  } else {
    paragraphs.push(decisionText(outcome, subject, false, facts, reason(outcome), f.citations));
    for (const o of secondary) {
      paragraphs.push(
        `此外，${decisionText(o, `${you}申请公开的其他信息`, true, facts, reason(o), f.citations)}`,
      );
    }
  }
  const contestable = [outcome, ...secondary].some((o) => hasRemedies(o, facts));
  const reviewFirst =
    input.remedyBodies?.reviewFirst ??
    reviewRequiredFirst([outcome, ...secondary], dateField(input.date, 'date'));
  const remedies = contestable ? remediesParagraph('本答复', { ...input.remedyBodies, reviewFirst }) : null;
  return assemble(
    'answer',
    input,
    textField(input.applicantName, 'applicantName', '申请人姓名或名称'),
    paragraphs,
    f.citations,
    remedies,
  );
}

/**
 * The letter of `kind` for `input`. Dates are printed "2025年3月5日"; the document number is built
 * from documentPrefix, the kind's code and the tracking number.
 */
export function letterFor<K extends LetterKind>(kind: K, input: LetterInputs[K]): Letter {
  switch (kind) {
    case 'answer':
      return answerLetter(input as AnswerLetterInput);
    case 'correction':
      return correctionLetter(input as CorrectionLetterInput);
    case 'extension':
      return extensionLetter(input as ExtensionLetterInput);
    case 'fee':
      return feeLetter(input as FeeLetterInput);
    case 'consultation':
      return consultationLetter(input as ConsultationLetterInput);
    case 'art35':
      return art35Letter(input as Art35LetterInput);
    default:
      throw new AppError('INVALID_INPUT', `文书种类“${String(kind)}”无效`, { field: 'kind' });
  }
}
