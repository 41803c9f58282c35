import type { Command } from 'commander';
import { addWorkingDays, knownCalendarYears, workingDaysBetween } from '../../core/calendar/workdays.ts';
import { formatDateZh, parseIsoDate } from '../../core/dates.ts';
import { UsageError } from '../exit.ts';

interface WorkdaysOptions {
  json?: boolean;
  explain?: boolean;
}

/** A non-negative integer argument, or a one-line Chinese usage error. */
export function parseCount(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n))
    throw new UsageError(`${what}“${text}”无效：应为非负整数`);
  return n;
}

function print(options: WorkdaysOptions, plain: string, explanation: string, json: object): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...json, explanation }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${plain}\n`);
  if (options.explain) process.stdout.write(`${explanation}\n`);
}

export function registerWorkdays(program: Command): void {
  const years = knownCalendarYears();
  const workdays = program
    .command('workdays')
    .description(`工作日计算（依据国务院办公厅节假日安排，已收录${years[0]}—${years[years.length - 1]}年）`);

  workdays
    .command('add')
    .description('从某日的次日起算第 n 个工作日的日期（当日不计入）')
    .argument('<date>', '起算日期，YYYY-MM-DD（例如收到申请之日）')
    .argument('<n>', '工作日数，非负整数')
    .option('--explain', '另起一行用中文说明计算方法')
    .option('--json', '以 JSON 输出')
    .action((dateText: string, nText: string, options: WorkdaysOptions) => {
      const date = parseIsoDate(dateText);
      const n = parseCount(nText, '工作日数');
      const result = addWorkingDays(date, n);
      const explanation =
        n === 0
          ? `工作日数为0，结果即${formatDateZh(date)}`
          : `自${formatDateZh(date)}的次日起算，第${n}个工作日为${formatDateZh(result)}`;
      print(options, result, explanation, { date, workingDays: n, result });
    });

  workdays
    .command('between')
    .description('两个日期之间的工作日数：不含起始日，含结束日；结束日早于起始日时为负数')
    .argument('<from>', '起始日期，YYYY-MM-DD（不计入）')
    .argument('<to>', '结束日期，YYYY-MM-DD（计入）')
    .option('--explain', '另起一行用中文说明计算方法')
    .option('--json', '以 JSON 输出')
    .action((fromText: string, toText: string, options: WorkdaysOptions) => {
      const from = parseIsoDate(fromText);
      const to = parseIsoDate(toText);
      const count = workingDaysBetween(from, to);
      const explanation =
        to >= from
          ? `${formatDateZh(from)}（不含）至${formatDateZh(to)}（含）共${count}个工作日`
          : `结束日早于起始日：${formatDateZh(to)}（不含）至${formatDateZh(from)}（含）共${-count}个工作日，结果记为负数`;
      print(options, String(count), explanation, { from, to, workingDays: count });
    });
}
