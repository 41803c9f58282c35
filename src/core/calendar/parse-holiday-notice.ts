import { addDays, dayOfWeek, type IsoDate, isIsoDate, toDayNumber } from '../dates.ts';
import { AppError } from '../errors.ts';
import type { HolidayRange, HolidaySchedule } from './holidays.ts';

/** A parsed notice: a HolidaySchedule whose issuing date may be missing from the pasted text. */
export type ParsedHolidayNotice = Omit<HolidaySchedule, 'issuedOn'> & { issuedOn: IsoDate | null };

const TITLE = /国务院办公厅关于(\d{4})年部分节假日安排的通知/;
const DOCUMENT_NUMBER = /^[\u4e00-\u9fa5]{2,8}〔\d{4}〕\d{1,4}号$/;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const ITEM = /^[一二三四五六七八九十]+、([^：:]{1,20})[：:](.+)$/;
/** One date as the notices print it, the year and month optional, a parenthesis (weekday, lunar date) ignored. */
const DAY = String.raw`(?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})日(?:（[^）]*）|\([^)]*\))?`;
const RANGE = new RegExp(`^${DAY}(?:至${DAY})?放假`);
const MAKE_UP = new RegExp(`^((?:${DAY}、?)+)上班$`);
const DAY_GLOBAL = new RegExp(DAY, 'g');

function refuse(line: number, text: string, why = ''): AppError {
  return new AppError('CALENDAR_NOTICE_INVALID', `第${line}行无法识别：${text}${why ? `（${why}）` : ''}`, {
    line,
  });
}

/**
 * Reads the dates of one numbered item: a missing year is the notice's (the year before for a
 * December day of 元旦), a missing month and year are those of the previous date.
 */
class DateReader {
  private last: { year: number; month: number } | null = null;
  constructor(
    private readonly year: number,
    private readonly newYearItem: boolean,
  ) {}
  read(y: string | undefined, m: string | undefined, d: string): IsoDate | null {
    let date: { year: number; month: number } | null;
    if (m === undefined) date = this.last;
    else {
      const month = Number(m);
      date = {
        year: y !== undefined ? Number(y) : this.newYearItem && month === 12 ? this.year - 1 : this.year,
        month,
      };
    }
    if (date === null) return null;
    this.last = date;
    const iso = `${date.year}-${String(date.month).padStart(2, '0')}-${d.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
}

/** "与周末连休": the single announced day joins the adjacent Saturday and Sunday. */
function withWeekend(from: IsoDate, to: IsoDate): [IsoDate, IsoDate] {
  let a = from;
  let b = to;
  while ([0, 6].includes(dayOfWeek(addDays(a, -1)))) a = addDays(a, -1);
  while ([0, 6].includes(dayOfWeek(addDays(b, 1)))) b = addDays(b, 1);
  return [a, b];
}

function parseItem(
  name: string,
  body: string,
  year: number,
  lineNo: number,
  line: string,
): { range: HolidayRange; makeUp: IsoDate[] } {
  const reader = new DateReader(year, name.includes('元旦'));
  const sentences = body
    .split('。')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const first = sentences.shift() ?? '';
  const r = RANGE.exec(first);
  if (!r) throw refuse(lineNo, line, '应为“X月X日至X日放假……”');
  const from = reader.read(r[1], r[2], r[3]!);
  const to = r[6] !== undefined ? reader.read(r[4], r[5], r[6]) : from;
  if (!from || !to || to < from) throw refuse(lineNo, line, '日期无效');
  const [a, b] = first.includes('与周末连休') ? withWeekend(from, to) : [from, to];
  const total = /共(\d+)天/.exec(first);
  if (total && Number(total[1]) !== toDayNumber(b) - toDayNumber(a) + 1) {
    throw refuse(lineNo, line, `起止日期与“共${total[1]}天”不符`);
  }
  const makeUp: IsoDate[] = [];
  for (const sentence of sentences) {
    if (/^共\d+天$/.test(sentence) || sentence === '不调休') continue;
    if (!MAKE_UP.test(sentence)) throw refuse(lineNo, line, `“${sentence}”应为“X月X日（周六）上班”`);
    for (const m of sentence.matchAll(DAY_GLOBAL)) {
      const day = reader.read(m[1], m[2], m[3]!);
      if (!day) throw refuse(lineNo, line, '上班日期无效');
      makeUp.push(day);
    }
  }
  return { range: { name, from: a, to: b }, makeUp };
}

/**
 * Parses the text of a 国务院办公厅关于20XX年部分节假日安排的通知 in its usual wording: the title
 * (gives the year), the 文号 if present, numbered items “一、元旦：1月1日（周四）至3日（周六）放假调休，
 * 共3天。1月4日（周日）上班。” (a range may cross a month, or start on 12月 of the year before for
 * 元旦; “与周末连休” joins the adjacent weekend), and the issuing date line at the end. Lines of
 * prose without a date are skipped; any other line is refused: CALENDAR_NOTICE_INVALID
 * “第N行无法识别：…” with details.line. Pure; the result still goes through validateHolidaySchedule.
 */
export function parseHolidayNotice(text: string): ParsedHolidayNotice {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[\s\u3000]+/g, ''));
  let year: number | null = null;
  let title = '';
  let documentNumber: string | null = null;
  let issuedOn: IsoDate | null = null;
  const holidays: HolidayRange[] = [];
  const makeUpWorkdays: IsoDate[] = [];
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line === '') return;
    const t = TITLE.exec(line);
    if (t && year === null) {
      year = Number(t[1]);
      title = `国务院办公厅关于${year}年部分节假日安排的通知`;
      return;
    }
    if (DOCUMENT_NUMBER.test(line)) {
      documentNumber = line;
      return;
    }
    const item = ITEM.exec(line);
    if (item) {
      if (year === null) throw refuse(lineNo, line, '通知标题应在节日安排之前，且写明年度');
      const parsed = parseItem(item[1]!, item[2]!, year, lineNo, line);
      holidays.push(parsed.range);
      makeUpWorkdays.push(...parsed.makeUp);
      return;
    }
    const d = DATE_LINE.exec(line);
    if (d) {
      const iso = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
      if (!isIsoDate(iso)) throw refuse(lineNo, line, '成文日期无效');
      issuedOn = iso;
      return;
    }
    // Prose (addressees, preamble, closing, signature) carries no day of the schedule.
    if (/\d{1,2}月\d{1,2}日/.test(line) && !line.includes('通知如下')) throw refuse(lineNo, line);
  });
  if (year === null) {
    throw new AppError(
      'CALENDAR_NOTICE_INVALID',
      '第1行无法识别：未找到通知标题“国务院办公厅关于20XX年部分节假日安排的通知”',
      { line: 1 },
    );
  }
  if (holidays.length === 0) {
    throw new AppError('CALENDAR_NOTICE_INVALID', '未找到任何节日安排（如“一、元旦：1月1日放假……”）', {
      line: lines.length,
    });
  }
  return { year, title, documentNumber, issuedOn, holidays, makeUpWorkdays: [...makeUpWorkdays].sort() };
}
