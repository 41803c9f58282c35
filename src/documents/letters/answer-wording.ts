import type { Outcome } from '../../core/applications/application.ts';
import type { IsoDate } from '../../core/dates.ts';
import { type Citations, zhDate } from './letter-text.ts';

/** “向中卫市信访局”: a named office is introduced by 向; a phrase that brings its own (通过…, 向…) is kept. */
function petitionRoute(channel: string | undefined): string {
  const named = channel?.trim();
  if (!named) return '通过信访、投诉、举报等相应渠道';
  return /^(向|通过|到|在|经)/.test(named) ? named : `向${named}`;
}

/**
 * The decision wording of the 政府信息公开申请答复书 for each of the 21 outcomes (the leaf rows of
 * table 三), with the articles of the 条例 each rests on (DOMAIN.md §C.7).
 */

/** The 21 outcomes a letter can state: Outcome's type also admits the four non-outcome rows of table 三. */
export type LeafOutcome = Exclude<
  Outcome,
  'newReceived' | 'carriedOver' | 'totalConcluded' | 'carriedForward'
>;

/**
 * The facts of the application the wording needs; all already validated by letterFor (the answer
 * letter's input is these facts, with the two bases optional, plus the outcomes).
 */
export interface AnswerFacts {
  /** 您 or 贵单位. */
  you: string;
  /** Required for granted and partial: art. 36(1)–(2), where and how to obtain the information ("随本答复书一并送达（见附件）"). */
  obtain?: string;
  /** granted: art. 36(1) already proactively public, or 36(2) can be disclosed. */
  grantedBasis: 'already-public' | 'disclosable';
  /** denied.thirdParty: the outcome of the art. 32 consultation, if one was held. */
  thirdPartyReply?: 'objected' | 'no-reply';
  /** unable.notHeld: art. 36(4) not found, or 36(5) not this agency's. */
  notHeldBasis: 'not-found' | 'not-responsible';
  responsibleAgency?: { name: string; contact?: string };
  /** 补正 history: printed in the opening, and for unable.stillUnclear and other.noCorrection. */
  correction?: { requestedOn: IsoDate; receivedOn?: IsoDate; dueOn?: IsoDate };
  /** other.noFee: the fee notice and its payment deadline. */
  feeNotice?: { noticeOn: IsoDate; dueOn: IsoDate };
  /** notProcessed.repeat: the earlier answer. */
  previousAnswer?: { on: IsoDate; documentNumber?: string };
  /** notProcessed.massive: when the applicant was asked for reasons (art. 35). */
  massiveReasonRequestedOn?: IsoDate;
  /** notProcessed.petition: where to bring the petition instead. */
  petitionChannel?: string;
  /** other.other: the day the applicant withdrew (no remedies then). */
  withdrawnOn?: IsoDate;
}

interface Wording {
  /** Articles of the 条例, as cited ("第三十六条第（三）项"); empty for none. */
  articles: readonly string[];
  /** Also cites 109号. */
  fees?: boolean;
  /** The finding about `subject` (the information requested, or the part of it at issue). */
  finding: (subject: string, f: AnswerFacts) => string;
  /** A further fact stated after the agency's own reason ("" for none). */
  after?: (f: AnswerFacts) => string;
  /** What the agency does. `part`: said of part of the request (a secondary outcome). */
  action: (f: AnswerFacts, part: boolean) => string;
  /** The letter states 行政复议 / 行政诉讼 (false only for a withdrawal, which the applicant chose). */
  remedies: boolean | ((f: AnswerFacts) => boolean);
}

const ART36_3 = '第三十六条第（三）项';
const refuse = (_: AnswerFacts, part: boolean) => (part ? '该部分内容不予公开' : '本机关决定不予公开');
const denied = (articles: readonly string[], finding: (s: string) => string): Wording => ({
  articles: [...articles, ART36_3],
  finding,
  action: refuse,
  remedies: true,
});
const stopped = '视为放弃申请';
const notProcessing = '本机关不再处理该政府信息公开申请';

export const ANSWER_WORDING: Record<LeafOutcome, Wording> = {
  granted: {
    // Art. 36(1) when already proactively public, 36(2) otherwise: chosen by grantedBasis.
    articles: [],
    finding: (s, f) =>
      f.grantedBasis === 'already-public' ? `经查，${s}已经主动公开` : `经审查，${s}属于可以公开的政府信息`,
    action: (f) =>
      f.grantedBasis === 'already-public'
        ? `现告知${f.you}获取该政府信息的方式、途径：${f.obtain}`
        : `本机关予以公开，${f.obtain}`,
    remedies: true,
  },
  partial: {
    articles: ['第三十七条'],
    finding: (s) => `经审查，${s}中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理`,
    action: (f) => `本机关向${f.you}提供可以公开的政府信息内容，${f.obtain}`,
    remedies: true,
  },
  'denied.stateSecret': denied(['第十四条'], (s) => `经审查，${s}属于依法确定为国家秘密的政府信息`),
  'denied.lawForbidden': denied(['第十四条'], (s) => `经审查，${s}属于法律、行政法规禁止公开的政府信息`),
  'denied.threeSafetyOneStability': denied(
    ['第十四条'],
    (s) => `经审查，${s}公开后可能危及国家安全、公共安全、经济安全、社会稳定`,
  ),
  'denied.thirdParty': {
    articles: ['第十五条', '第三十二条', ART36_3],
    finding: (s) => `经审查，${s}涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害`,
    after: (f) =>
      f.thirdPartyReply === 'objected'
        ? '经书面征求意见，第三方不同意公开且有合理理由'
        : f.thirdPartyReply === 'no-reply'
          ? '经书面征求意见，第三方逾期未提出意见'
          : '',
    action: refuse,
    remedies: true,
  },
  'denied.internalAffairs': denied(
    ['第十六条第一款'],
    (s) => `经审查，${s}属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）`,
  ),
  'denied.processInfo': denied(
    ['第十六条第二款'],
    (s) =>
      `经审查，${s}属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息`,
  ),
  'denied.enforcementFile': denied(['第十六条第二款'], (s) => `经审查，${s}属于行政执法案卷信息`),
  'denied.adminQuery': {
    articles: ['第三十六条第（七）项'],
    finding: (s) => `经审查，${s}属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定`,
    action: (f, part) =>
      `${part ? '该部分内容' : ''}请${f.you}依照有关法律、行政法规的规定办理${f.obtain && !part ? `：${f.obtain}` : ''}`,
    remedies: true,
  },
  'unable.notHeld': {
    // Art. 36(4) nothing found; art. 36(5) not this agency's (name the right agency if known).
    articles: [],
    finding: (s, f) =>
      f.notHeldBasis === 'not-found'
        ? `经检索，本机关没有${s}`
        : `经审查，${s}不属于本机关负责公开的政府信息`,
    action: (f, part) => {
      if (f.notHeldBasis === 'not-found')
        return part ? '该部分政府信息不存在' : `现告知${f.you}该政府信息不存在`;
      const a = f.responsibleAgency;
      if (!a) return `本机关无法提供${part ? '该部分政府信息' : ''}`;
      return `该政府信息由${a.name}负责公开${a.contact ? `（联系方式：${a.contact}）` : ''}，${f.you}可以向其提出申请`;
    },
    remedies: true,
  },
  'unable.needCreation': {
    articles: ['第三十八条'],
    finding: (s) =>
      `经审查，${s}不是本机关已制作或者获取的现成政府信息，提供该信息需要本机关对现有政府信息进行加工、分析或者另行制作`,
    action: (_, part) => (part ? '该部分内容不予提供' : '本机关不予提供'),
    remedies: true,
  },
  'unable.stillUnclear': {
    articles: ['第二十九条第二款第（二）项', '第三十条'],
    finding: (_, f) => {
      const c = f.correction;
      const asked = c
        ? `本机关已于${zhDate(c.requestedOn)}告知${f.you}对申请内容作出补正`
        : `本机关已告知${f.you}对申请内容作出补正`;
      const got = c?.receivedOn ? `，并于${zhDate(c.receivedOn)}收到${f.you}补正后的申请` : '';
      return `${asked}${got}。经审查，补正后的申请内容仍不明确，本机关无法据此确定${f.you}所申请公开的政府信息`;
    },
    action: (_, part) => `本机关无法提供${part ? '该部分政府信息' : ''}`,
    remedies: true,
  },
  'notProcessed.petition': {
    articles: ['第三十九条第一款'],
    finding: (_, f) => `经审查，${f.you}是以政府信息公开申请的形式进行信访、投诉、举报等活动`,
    action: (f, part) =>
      `${part ? '该部分内容' : '本机关'}不作为政府信息公开申请处理，${f.you}可以${petitionRoute(f.petitionChannel)}提出`,
    remedies: true,
  },
  'notProcessed.repeat': {
    articles: ['第三十六条第（六）项'],
    finding: (_, f) => {
      const p = f.previousAnswer;
      const when = p ? `已于${zhDate(p.on)}` : '已';
      const no = p?.documentNumber ? `（${p.documentNumber}）` : '';
      return `经查，本机关${when}就${f.you}提出的政府信息公开申请作出答复${no}，${f.you}本次系重复申请公开相同的政府信息`;
    },
    action: () => '本机关不予重复处理',
    remedies: true,
  },
  'notProcessed.publication': {
    articles: ['第三十九条第二款'],
    finding: (_, f) => `经审查，${f.you}申请的内容为要求本机关提供政府公报、报纸、杂志、书籍等公开出版物`,
    action: (f) => `现告知${f.you}获取的途径：${f.obtain ?? '相关公开出版物可以通过公开发行渠道获取'}`,
    remedies: true,
  },
  'notProcessed.massive': {
    articles: ['第三十五条'],
    finding: (_, f) => {
      const on = f.massiveReasonRequestedOn ? `已于${zhDate(f.massiveReasonRequestedOn)}` : '已';
      return `${f.you}申请公开政府信息的数量、频次明显超过合理范围，本机关${on}要求${f.you}说明理由。经审查，${f.you}的申请理由不合理`;
    },
    action: () => '本机关不予处理',
    remedies: true,
  },
  'notProcessed.confirmOrReissue': {
    // No article speaks to it (DOMAIN.md §C.7 "no direct article"): art. 2 defines 政府信息 as
    // information the agency made or obtained; confirming or re-issuing is not providing it.
    articles: ['第二条'],
    finding: (_, f) =>
      `经审查，${f.you}的申请系要求本机关对${f.you}已获取的信息予以确认或者重新出具，不属于申请获取政府信息`,
    action: (_, part) => `${part ? '该部分内容' : '本机关'}不作为政府信息公开申请处理`,
    remedies: true,
  },
  'other.noCorrection': {
    articles: ['第三十条'],
    finding: (_, f) => {
      const c = f.correction;
      const asked = c ? `本机关已于${zhDate(c.requestedOn)}告知${f.you}` : `本机关已告知${f.you}`;
      const by = c?.dueOn ? `于${zhDate(c.dueOn)}前（含当日）` : '在补正期限内';
      return `${asked}${by}对申请内容作出补正，${f.you}无正当理由逾期未补正，${stopped}`;
    },
    action: () => notProcessing,
    remedies: true,
  },
  'other.noFee': {
    articles: ['第四十二条'],
    fees: true,
    finding: (_, f) => {
      const n = f.feeNotice;
      const asked = n
        ? `本机关已于${zhDate(n.noticeOn)}向${f.you}发出收费通知书，告知${f.you}于${zhDate(n.dueOn)}前（含当日）缴纳信息处理费`
        : `本机关已向${f.you}发出收费通知书`;
      return `${asked}，${f.you}逾期未缴纳，${stopped}`;
    },
    action: () => notProcessing,
    remedies: true,
  },
  'other.other': {
    // Withdrawal (the usual case) cites nothing; another reason comes as reasons['other.other'].
    articles: [],
    finding: (_, f) => (f.withdrawnOn ? `${f.you}于${zhDate(f.withdrawnOn)}撤回该政府信息公开申请` : ''),
    action: () => '本机关终止处理该政府信息公开申请',
    remedies: (f) => f.withdrawnOn === undefined,
  },
};

export function isLeafOutcome(value: unknown): value is LeafOutcome {
  return typeof value === 'string' && Object.hasOwn(ANSWER_WORDING, value);
}

/** Articles actually cited for `outcome` given the facts (36(1)/(2) and 36(4)/(5) depend on them). */
export function articlesFor(outcome: LeafOutcome, f: AnswerFacts): readonly string[] {
  if (outcome === 'granted')
    return [f.grantedBasis === 'already-public' ? '第三十六条第（一）项' : '第三十六条第（二）项'];
  if (outcome === 'unable.notHeld')
    return [f.notHeldBasis === 'not-found' ? '第三十六条第（四）项' : '第三十六条第（五）项'];
  return ANSWER_WORDING[outcome].articles;
}

/**
 * One decision sentence group: finding, the agency's specific reason, "根据…的规定，" action.
 * `subject` names what the finding is about; `part` words the action for part of the request.
 */
export function decisionText(
  outcome: LeafOutcome,
  subject: string,
  part: boolean,
  facts: AnswerFacts,
  reason: string | undefined,
  citations: Citations,
): string {
  const w = ANSWER_WORDING[outcome];
  const finding = [w.finding(subject, facts), reason, w.after?.(facts)].filter(Boolean).join('。');
  const articles = articlesFor(outcome, facts);
  const basis = articles.length > 0 || w.fees ? `根据${citations.cite(articles, w.fees)}的规定，` : '';
  return `${finding}。${basis}${w.action(facts, part)}。`;
}

export function hasRemedies(outcome: LeafOutcome, facts: AnswerFacts): boolean {
  const r = ANSWER_WORDING[outcome].remedies;
  return typeof r === 'function' ? r(facts) : r;
}
