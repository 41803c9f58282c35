import type { Command } from 'commander';
import { formatDateZh, type IsoDate, parseIsoDate } from '../../core/dates.ts';
import { computeDeadlines } from '../../core/deadlines/compute-deadlines.ts';
import type { DeadlineInputData } from '../../core/deadlines/deadline-input.ts';
import type { DeadlineResult, DeadlineStatus } from '../../core/deadlines/deadline-result.ts';
import { activateCalendarFiles, collect } from '../calendar-files.ts';
import { UsageError } from '../exit.ts';
import { readJsonFile } from '../read-report-file.ts';

interface DeadlineOptions {
  received?: string;
  channel?: string;
  confirmed?: string;
  events?: string;
  input?: string;
  today?: string;
  feeSuspension: boolean;
  json?: boolean;
  calendar?: string[];
}

/** An application's timeline file is a few KiB; anything bigger is a mistake. */
const MAX_TIMELINE_BYTES = 1024 * 1024;

const STATUS_ZH: Record<DeadlineStatus, string> = {
  running: '期限进行中',
  overdue: '已超过答复期限',
  suspended: '中止计算，等待征求意见答复或缴费',
  'awaiting-correction': '等待补正，收到补正后的申请后重新起算',
};

/** Today's date in Beijing: the CLI is the outer layer that may read the clock. */
function todayInBeijing(): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function readInput(options: DeadlineOptions): DeadlineInputData {
  const fromFlags = [options.received, options.channel, options.confirmed, options.events].some(
    (v) => v !== undefined,
  );
  if (options.input !== undefined) {
    if (fromFlags)
      throw new UsageError('--input 不能与 --received、--channel、--confirmed、--events 同时使用');
    return readJsonFile(options.input, MAX_TIMELINE_BYTES) as DeadlineInputData;
  }
  if (options.received === undefined || options.channel === undefined) {
    throw new UsageError('请指定 --received 和 --channel，或用 --input 指定完整的案件 JSON 文件');
  }
  const input: Record<string, unknown> = {
    channel: options.channel,
    submittedOn: parseIsoDate(options.received),
  };
  if (options.confirmed !== undefined) input.confirmedOn = parseIsoDate(options.confirmed);
  if (options.events !== undefined) input.events = readJsonFile(options.events, MAX_TIMELINE_BYTES);
  return input as DeadlineInputData;
}

function formatResult(r: DeadlineResult, today: IsoDate): string {
  const lines = [`收到申请之日：${formatDateZh(r.receivedOn)}`];
  lines.push(
    r.answerDue
      ? `答复期限：${formatDateZh(r.answerDue)}${r.provisional ? '（暂定）' : ''}`
      : '答复期限：暂不能确定',
  );
  if (r.provisional) lines.push(`暂定：${r.provisional.reason}`);
  let status = `状态：${STATUS_ZH[r.status]}（按${formatDateZh(today, false)}判断）`;
  if (r.workingDaysUsed !== null && r.workingDaysAllowed !== null) {
    status += `；已用${r.workingDaysUsed}个工作日，共${r.workingDaysAllowed}个工作日`;
  }
  lines.push(status, '', '计算过程：');
  for (const s of r.steps) lines.push(`  ${s.date}  ${s.label}：${s.explanation}（${s.article}）`);
  if (r.warnings.length > 0) {
    lines.push('', '提示：');
    for (const w of r.warnings) lines.push(`  ${w}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerDeadline(program: Command): void {
  program
    .command('deadline')
    .description('计算依申请公开的答复期限及补正、征求意见、缴费等期限（条例第三十至三十五条）')
    .option('--received <date>', '提交、送达或签收之日，YYYY-MM-DD')
    .option('--channel <channel>', '提交方式：in-person、mail-registered、mail-ordinary、online、fax、email')
    .option('--confirmed <date>', '与申请人确认之日（平信、互联网、传真、电子邮件必填）')
    .option('--events <file.json>', '事件列表 JSON 数组（补正、征求意见、收费、延期、第三十五条）')
    .option('--input <case.json>', '完整的案件 JSON（channel、submittedOn、confirmedOn、events）')
    .option('--today <date>', '判断是否逾期所用的“今天”，默认为北京时间当天')
    .option('--no-fee-suspension', '收费通知至缴费期间不中止答复期限（默认中止）')
    .option('--json', '以 JSON 输出')
    .option('--calendar <通知.txt>', '另加一个年度的节假日安排通知文本（可重复）', collect)
    .action((options: DeadlineOptions) => {
      activateCalendarFiles(options.calendar);
      const input = readInput(options);
      const today = options.today === undefined ? todayInBeijing() : parseIsoDate(options.today);
      const result = computeDeadlines(input, { today, feeNoticeSuspends: options.feeSuspension });
      process.stdout.write(
        options.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result, today),
      );
    });
}
