import type { Command } from 'commander';
import { provisionalMark } from '../../core/calendar/provisional-mark.ts';
import {
  addWorkingDays,
  knownCalendarYears,
  provisionalYearsBetween,
  workingDaysBetween,
} from '../../core/calendar/workdays.ts';
import { formatDateZh, parseIsoDate } from '../../core/dates.ts';
import { activateCalendarFiles, collect, provisionalLines } from '../calendar-files.ts';
import { UsageError } from '../exit.ts';

interface WorkdaysOptions {
  json?: boolean;
  explain?: boolean;
  calendar?: string[];
}

/** A non-negative integer argument, or a one-line Chinese usage error. */
export function parseCount(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n))
    throw new UsageError(`${what}“${text}”无效：应为非负整数`);
  return n;
}

/**
 * Prints the result; a result counted through a year without an arrangement is marked 暂定 with
 * the reason (plain: "2027-01-18（暂定）" and a line "暂定：…"; JSON: `provisional`).
 */
function print(
  options: WorkdaysOptions,
  plain: string,
  explanation: string,
  json: object,
  years: number[],
): void {
  const mark = provisionalMark(years);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...json, provisional: mark, explanation }, null, 2)}\n`);
    return;
  }
  const { suffix, note } = provisionalLines(mark);
  process.stdout.write(`${plain}${suffix}\n${note}`);
  if (options.explain) process.stdout.write(`${explanation}\n`);
}

const CALENDAR_OPTION = ['--calendar <通知.txt>', '另加一个年度的节假日安排通知文本（可重复）'] as const;

export function registerWorkdays(program: Command): void {
  const years = knownCalendarYears();
  const workdays = program
    .command('workdays')
    .description(
      `工作日计算（依据国务院办公厅节假日安排，已收录${years[0]}—${years[years.length - 1]}年；其他年份按《全国年节及纪念日放假办法》暂定）`,
    );

  workdays
    .command('add')
    .description('从某日的次日起算第 n 个工作日的日期（当日不计入）')
    .argument('<date>', '起算日期，YYYY-MM-DD（例如收到申请之日）')
    .argument('<n>', '工作日数，非负整数')
    .option('--explain', '另起一行用中文说明计算方法')
    .option('--json', '以 JSON 输出')
    .option(...CALENDAR_OPTION, collect)
    .action((dateText: string, nText: string, options: WorkdaysOptions) => {
      activateCalendarFiles(options.calendar);
      const date = parseIsoDate(dateText);
      const n = parseCount(nText, '工作日数');
      const result = addWorkingDays(date, n);
      const explanation =
        n === 0
          ? `工作日数为0，结果即${formatDateZh(date)}`
          : `自${formatDateZh(date)}的次日起算，第${n}个工作日为${formatDateZh(result)}`;
      print(
        options,
        result,
        explanation,
        { date, workingDays: n, result },
        provisionalYearsBetween(date, result),
      );
    });

  workdays
    .command('between')
    .description('两个日期之间的工作日数：不含起始日，含结束日；结束日早于起始日时为负数')
    .argument('<from>', '起始日期，YYYY-MM-DD（不计入）')
    .argument('<to>', '结束日期，YYYY-MM-DD（计入）')
    .option('--explain', '另起一行用中文说明计算方法')
    .option('--json', '以 JSON 输出')
    .option(...CALENDAR_OPTION, collect)
    .action((fromText: string, toText: string, options: WorkdaysOptions) => {
      activateCalendarFiles(options.calendar);
      const from = parseIsoDate(fromText);
      const to = parseIsoDate(toText);
      const count = workingDaysBetween(from, to);
      const explanation =
        to >= from
          ? `${formatDateZh(from)}（不含）至${formatDateZh(to)}（含）共${count}个工作日`
          : `结束日早于起始日：${formatDateZh(to)}（不含）至${formatDateZh(from)}（含）共${-count}个工作日，结果记为负数`;
      print(
        options,
        String(count),
        explanation,
        { from, to, workingDays: count },
        provisionalYearsBetween(from, to),
      );
    });
}
