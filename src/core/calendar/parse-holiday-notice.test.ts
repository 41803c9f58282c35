import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { HOLIDAY_SCHEDULES } from './holidays.ts';
import { parseHolidayNotice } from './parse-holiday-notice.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/calendar/${name}`, import.meta.url), 'utf8');

function refusal(text: string): AppError {
  try {
    parseHolidayNotice(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const title = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

describe('parseHolidayNotice', () => {
  it('reads the 2025 notice (国办发明电〔2024〕12号) exactly as DOMAIN.md §D records it', () => {
    expect(parseHolidayNotice(fixture('2025-holiday-notice.txt'))).toEqual(
      HOLIDAY_SCHEDULES.find((s) => s.year === 2025),
    );
  });
  it('reads the 2026 wording with ranges crossing nothing and lunar parentheses', () => {
    const text = [
      title(2026),
      '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
      '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
      '三、清明节：4月4日（周六）至6日（周一）放假，共3天。',
      '四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。',
      '五、端午节：6月19日（周五）至21日（周日）放假，共3天。',
      '六、中秋节：9月25日（周五）至27日（周日）放假，共3天。',
      '七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。',
      '国务院办公厅',
      '2025年11月4日',
    ].join('\n');
    const { documentNumber: _, ...expected } = HOLIDAY_SCHEDULES.find((s) => s.year === 2026)!;
    expect(parseHolidayNotice(text)).toMatchObject({ ...expected, documentNumber: null });
  });
  it('puts a December 元旦 day in the year before and crosses months (2023 wording)', () => {
    const r = parseHolidayNotice(
      [
        title(2023),
        '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。',
        '六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日、10月8日上班。',
      ].join('\n'),
    );
    expect(r.holidays).toEqual([
      { name: '元旦', from: '2022-12-31', to: '2023-01-02' },
      { name: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06' },
    ]);
    expect(r.makeUpWorkdays).toEqual(['2023-10-07', '2023-10-08']);
    const short = parseHolidayNotice(`${title(2028)}\n一、元旦：12月30日至1月1日放假，共3天。`);
    expect(short.holidays[0]).toEqual({ name: '元旦', from: '2027-12-30', to: '2028-01-01' });
  });
  it('joins the adjacent weekend for “与周末连休” (2024 wording)', () => {
    const r = parseHolidayNotice(
      `${title(2024)}\n一、元旦：1月1日放假，与周末连休。\n五、端午节：6月10日放假，与周末连休。`,
    );
    expect(r.holidays).toEqual([
      { name: '元旦', from: '2023-12-30', to: '2024-01-01' },
      { name: '端午节', from: '2024-06-08', to: '2024-06-10' },
    ]);
  });
  it('takes the issuing date and leaves it null when the text stops before it', () => {
    expect(parseHolidayNotice(fixture('2025-holiday-notice.txt')).issuedOn).toBe('2024-11-12');
    expect(parseHolidayNotice(`${title(2027)}\n一、元旦：1月1日（周五）放假1天。`).issuedOn).toBeNull();
  });
  it('refuses an item it cannot read, naming the line', () => {
    const e = refusal(`${title(2027)}\n\n一、元旦：元月一日放假。`);
    expect([e.code, e.details]).toEqual(['CALENDAR_NOTICE_INVALID', { line: 3 }]);
    expect(e.message).toMatch(/^第3行无法识别：一、元旦：元月一日放假。/);
  });
  it('refuses a day count that does not match the dates', () => {
    expect(refusal(`${title(2027)}\n一、元旦：1月1日至3日放假，共4天。`).message).toContain('与“共4天”不符');
  });
  it('refuses a make-up sentence it cannot read and a stray dated line', () => {
    expect(refusal(`${title(2027)}\n一、元旦：1月1日放假。1月9日补班。`).message).toMatch(/^第2行无法识别/);
    expect(refusal(`${title(2027)}\n一、元旦：1月1日放假。\n另：2月3日放假`).details).toEqual({ line: 3 });
  });
  it('refuses text without the title or without any item', () => {
    expect(refusal('一、元旦：1月1日放假。').message).toContain('通知标题');
    expect(refusal('随便一段话').message).toContain('未找到通知标题');
    expect(refusal(title(2027)).message).toContain('未找到任何节日安排');
  });
});
