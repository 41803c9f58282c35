import type { Command } from 'commander';
import type { HolidaySchedule } from '../../core/calendar/holidays.ts';
import { formatDateZh, parseIsoDate } from '../../core/dates.ts';
import { momentOf } from '../../core/moment.ts';
import { listHolidayArrangements } from '../../store/calendar/holiday-arrangements.repository.ts';
import { openDatabase } from '../../store/dialect.ts';
import { saveHolidayArrangement } from '../../use-cases/calendar/save-holiday-arrangement.ts';
import { readNoticeFile } from '../calendar-files.ts';
import { EXIT, UsageError } from '../exit.ts';
import { requireCurrentSchema } from '../require-current-schema.ts';
import { databaseUrlFromEnvironment } from './db.ts';

interface CalendarCliOptions {
  db?: string;
  issuedOn?: string;
  dryRun?: boolean;
  json?: boolean;
}

const SOURCE_LABELS = { 'built-in': '系统内置', entered: '录入' } as const;

const zh = (d: string) => formatDateZh(d, false);

/** The parsed days, one line each, as the administrator checks them before saving. */
function scheduleLines(s: Pick<HolidaySchedule, 'holidays' | 'makeUpWorkdays'>): string {
  const lines = s.holidays.map(
    (h) => `  放假  ${h.name}：${h.from === h.to ? zh(h.from) : `${zh(h.from)}至${zh(h.to)}`}\n`,
  );
  for (const d of s.makeUpWorkdays) lines.push(`  上班  ${formatDateZh(d)}\n`);
  return lines.join('');
}

/** `gongkai calendar list | import`: the holiday arrangements stored in the database (issue 15). */
export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('节假日安排（工作日计算的依据）：查看、录入');

  calendar
    .command('list')
    .description('列出数据库中已录入的年度、来源和文号')
    .option('--db <url>', '数据库地址（默认取环境变量 DATABASE_URL）')
    .option('--json', '以 JSON 输出')
    .action(async (options: CalendarCliOptions) => {
      const opened = openDatabase(options.db ?? databaseUrlFromEnvironment());
      try {
        await requireCurrentSchema(opened.db);
        const years = await listHolidayArrangements(opened.db);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(years, null, 2)}\n`);
          return;
        }
        for (const y of years) {
          const who = y.source === 'entered' ? `，${y.enteredByName ?? '命令行'}录入于${y.enteredAt}` : '';
          process.stdout.write(
            `${y.year}年  ${SOURCE_LABELS[y.source]}  ${y.documentNumber ?? '（文号未注明）'}  ${zh(y.issuedOn)}${who}\n`,
          );
        }
      } finally {
        await opened.close();
      }
    });

  calendar
    .command('import')
    .description('识别国务院办公厅节假日安排通知的文本，列出放假和上班日期，并录入数据库')
    .argument('<通知.txt>', '通知全文（UTF-8 文本）')
    .option('--issued-on <date>', '通知成文日期，YYYY-MM-DD（文本末尾没有日期时必填）')
    .option('--dry-run', '只识别并列出，不录入')
    .option('--db <url>', '数据库地址（默认取环境变量 DATABASE_URL）')
    .addHelpText(
      'after',
      '\n录入后，期限依赖该年度的未办结申请立即重新计算，并记入各申请的审计记录。退出码：0 成功；2 无法识别或被拒绝。',
    )
    .action(async (path: string, options: CalendarCliOptions) => {
      const notice = readNoticeFile(path);
      const issuedOn = options.issuedOn !== undefined ? parseIsoDate(options.issuedOn) : notice.issuedOn;
      process.stdout.write(
        `${notice.title}${notice.documentNumber ? `（${notice.documentNumber}）` : ''}${issuedOn ? `，${zh(issuedOn)}` : ''}\n`,
      );
      process.stdout.write(scheduleLines(notice));
      if (options.dryRun) return;
      if (issuedOn === null) throw new UsageError('通知文本末尾没有成文日期，请用 --issued-on 指定');
      const opened = openDatabase(options.db ?? databaseUrlFromEnvironment());
      try {
        await requireCurrentSchema(opened.db);
        const saved = await opened.db
          .transaction()
          .execute((trx) =>
            saveHolidayArrangement(
              trx,
              { ...notice, issuedOn },
              { userId: null, label: '命令行录入' },
              momentOf(new Date()),
            ),
          );
        process.stdout.write(
          `已录入${saved.year}年节假日安排；重新计算期限的未办结申请 ${saved.recomputed} 件，主动公开期限变化 ${saved.disclosuresChanged} 项\n`,
        );
        process.exitCode = EXIT.ok;
      } finally {
        await opened.close();
      }
    });
}
