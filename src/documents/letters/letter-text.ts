import type { ProvisionalMark } from '../../core/calendar/provisional-mark.ts';
import { formatDateZh, type IsoDate, parseIsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { FEE_BASIS } from '../../core/fees/fee-result.ts';

/** Wording shared by every letter: citations, dates, document numbers, remedies, amounts in words. */

export const REGULATION = '《中华人民共和国政府信息公开条例》';
const REGULATION_SHORT = '《条例》';
/** 109号 as a letter cites it (the legal-basis entry uses FEE_BASIS, the form the fee engine prints). */
const FEE_MEASURES = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

/**
 * Cites articles in the running text of one letter: the first citation names the 条例 in full and
 * introduces 《条例》, later ones use the short name. Every article cited is recorded once, in order
 * of first citation, as `legalBasis` entries ("《中华人民共和国政府信息公开条例》第十四条").
 */
export class Citations {
  private introduced = false;
  readonly legalBasis: string[] = [];

  private record(entry: string): void {
    if (!this.legalBasis.includes(entry)) this.legalBasis.push(entry);
  }

  private regulationName(): string {
    if (this.introduced) return REGULATION_SHORT;
    this.introduced = true;
    return `${REGULATION}（以下简称${REGULATION_SHORT}）`;
  }

  /** "《条例》第十四条、第三十六条第（三）项"; `withFees` adds 109号 ("…和《政府信息公开信息处理费管理办法》…"). */
  cite(articles: readonly string[], withFees = false): string {
    for (const a of articles) this.record(`${REGULATION}${a}`);
    if (withFees) this.record(FEE_BASIS);
    const regulation = articles.length > 0 ? `${this.regulationName()}${articles.join('、')}` : '';
    if (!withFees) return regulation;
    return regulation ? `${regulation}和${FEE_MEASURES}` : FEE_MEASURES;
  }

  /** The 条例 by name without an article (e.g. "依照《条例》的规定"). */
  regulation(): string {
    return this.regulationName();
  }
}

/**
 * The clause a letter adds to a date counted through a year without an entered holiday arrangement
 * (issue 15): the applicant is told the date is 暂定 and on what it rests. "" for an exact date.
 */
export function provisionalClause(mark: ProvisionalMark | null | undefined): string {
  if (!mark) return '';
  const years = mark.years.map((y) => `${y}年`).join('、');
  return `；因${years}节假日安排尚未公布，该日期按《全国年节及纪念日放假办法》暂定，以公布的安排为准`;
}

/** "2025年3月5日": the 公文 date form (GB/T 9704, Arabic numerals, no weekday). */
export const zhDate = (date: IsoDate): string => formatDateZh(date, false);

const NUMERALS = '一二三四五六七八九十';
/** "（一）" … "（十）" for the 0-based item i, then "（11）" for an eleventh item. */
export const itemMark = (i: number): string => `（${NUMERALS[i] ?? i + 1}）`;

/** Validates a date field; INVALID_DATE names the field. */
export function dateField(value: IsoDate, field: string): IsoDate {
  try {
    return parseIsoDate(value);
  } catch {
    throw new AppError('INVALID_DATE', `${field}“${value}”无效：应为真实存在的日期，格式 YYYY-MM-DD`, {
      field,
    });
  }
}

/** A required free text, trimmed, with any final full stop or comma removed (the letter adds its own). */
export function textField(value: string | undefined, field: string, what: string): string {
  const text = (value ?? '').trim().replace(/[。．.，,；;：:\s]+$/u, '');
  if (!text) throw new AppError('INVALID_INPUT', `请填写${what}`, { field });
  return text;
}

/** Like textField, for optional texts: undefined when absent or blank. */
export function optionalText(value: string | undefined): string | undefined {
  const text = (value ?? '').trim().replace(/[。．.，,；;：:\s]+$/u, '');
  return text || undefined;
}

/**
 * "中卫数据补〔2025〕第0001号" from the agency's 机关代字 ("中卫数据"), the letter's kind code ("补";
 * "" for none), a tracking number "YYYY-NNNN" as the store allocates it, and the year of the
 * letter's date: the 〔year〕 of a 文号 is the year the document is issued (GB/T 9704—2012《党政机关
 * 公文格式》7.2.4, in force 2012-07-01: 发文字号由发文机关代字、年份、发文顺序号组成，年份应标全称，用
 * 六角括号“〔〕”括入). A letter issued in a later
 * year than the application was received keeps the whole tracking number as its serial
 * ("中卫数据〔2026〕第2025-0042号"), so it never shares a number with the letter of application
 * 2026-0042. A later letter of the same kind on the same application (a second 补正 round, a second
 * third party) is numbered by its round: "中卫数据补〔2025〕第0001-2号", so no two letters share a number.
 */
export function documentNumber(
  prefix: string,
  code: string,
  trackingNumber: string,
  round: number,
  year: number,
): string {
  if (!Number.isInteger(round) || round < 1) {
    throw new AppError('INVALID_INPUT', `文书轮次“${round}”无效：应为正整数`, { field: 'round' });
  }
  const m = /^(\d{4})-(\d+)$/.exec(trackingNumber.trim());
  if (!m) {
    throw new AppError(
      'INVALID_INPUT',
      `登记号“${trackingNumber}”无效：应为“年份-序号”形式（例如 2025-0001）`,
      { field: 'trackingNumber' },
    );
  }
  const own = Number(m[1]) === year ? m[2] : `${m[1]}-${m[2]}`;
  const serial = round === 1 ? own : `${own}-${round}`;
  return `${textField(prefix, 'documentPrefix', '发文机关代字（例如“中卫数据”）')}${code}〔${year}〕第${serial}号`;
}

/** Bodies named in the remedies paragraph (see core/applications/reconsideration-body.ts). */
export interface RemedyBodies {
  /** Reconsideration body (行政复议机关), named ("中卫市人民政府"); required where the letter states remedies. */
  reconsiderationBody?: string;
  /** The court, in full; default 有管辖权的人民法院. */
  court?: string;
  /** 复议前置 (行政复议法 2023 art. 23 ¶1 (四)): the applicant must seek review before suing. */
  reviewFirst?: boolean;
}

/**
 * 行政复议 within 60 days (行政复议法 第二十条, 2023 revision; art. 9 before 2024), counted from
 * receipt of the letter; then either 行政诉讼 within 6 months (行政诉讼法 第四十六条: from knowing
 * the act, i.e. receiving the letter) or, where review comes first, within 15 days of receiving
 * the review decision (行政诉讼法 第四十五条). `what` is how the letter calls itself (本答复, 本通知).
 * Throws INVALID_INPUT without a named reconsideration body: a letter never says "本级人民政府".
 */
export function remediesParagraph(what: string, bodies: RemedyBodies = {}): string {
  const body = textField(bodies.reconsiderationBody, 'remedyBodies.reconsiderationBody', '行政复议机关名称');
  const court = optionalText(bodies.court) ?? '有管辖权的人民法院';
  const review = `如对${what}不服，可以在收到${what}之日起六十日内向${body}申请行政复议`;
  if (bodies.reviewFirst) {
    return `${review}；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向${court}提起行政诉讼。`;
  }
  return `${review}，或者自收到${what}之日起六个月内依法向${court}提起行政诉讼。`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/** Whole 元 in financial capitals (人民币大写): 1005 → 壹仟零伍元整, 100010 → 壹拾万零壹拾元整. */
export function yuanInWords(yuan: number): string {
  if (!Number.isSafeInteger(yuan) || yuan < 0 || yuan >= 1e12) {
    throw new AppError('INVALID_INPUT', `金额“${yuan}”无效：应为小于一万亿的非负整数（元）`);
  }
  if (yuan === 0) return '零元整';
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.unshift(rest % 10_000);
  let out = '';
  let pendingZero = false;
  groups.forEach((group, g) => {
    const digits = String(group).padStart(4, '0');
    for (let i = 0; i < 4; i += 1) {
      const d = Number(digits[i]);
      if (d === 0) {
        pendingZero ||= out !== '';
        continue;
      }
      out += `${pendingZero ? '零' : ''}${DIGITS[d]}${PLACES[3 - i]}`;
      pendingZero = false;
    }
    if (group !== 0) out += GROUPS[groups.length - 1 - g];
  });
  return `${out}元整`;
}
