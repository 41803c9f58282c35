import type { Command } from 'commander';
import { feeForApplications } from '../../core/fees/fee-for-applications.ts';
import { feeForPages } from '../../core/fees/fee-for-pages.ts';
import type { FeeResult } from '../../core/fees/fee-result.ts';
import { UsageError } from '../exit.ts';
import { parseCount } from './workdays.ts';

interface FeeOptions {
  applications?: string;
  already?: string;
  pages?: string;
  json?: boolean;
}

function formatFee(fee: FeeResult): string {
  const perApplication = fee.method === 'per-application';
  const unit = perApplication ? '件' : '页';
  const lines = [`信息处理费合计：${fee.totalYuan}元（${perApplication ? '按件' : '按量'}计收）`];
  for (const b of fee.bands) {
    const whole = b.label.endsWith(`第${b.from}—${b.to}${unit}`);
    const part = whole ? '' : `（${b.from === b.to ? `第${b.from}` : `第${b.from}—${b.to}`}${unit}）`;
    lines.push(`  ${b.label}${part}：${b.count}${unit} × ${b.rateYuan}元/${unit} = ${b.amountYuan}元`);
  }
  lines.push(`依据：${fee.basis}`);
  return `${lines.join('\n')}\n`;
}

export function registerFee(program: Command): void {
  program
    .command('fee')
    .description('计算政府信息公开信息处理费（国办函〔2020〕109号，超额累进，单位：元）')
    .option('--applications <count>', '按件：本次计费的申请件数（同一申请人同一自然月）')
    .option('--already <n>', '按件：该申请人本月此前已提出的申请件数（默认0）')
    .option('--pages <n>', '按量：提供的页数')
    .option('--json', '以 JSON 输出')
    .addHelpText(
      'after',
      '\n按件与按量只能选择其一：gongkai fee --applications 31 或 gongkai fee --pages 120',
    )
    .action((options: FeeOptions) => {
      const byApplications = options.applications !== undefined;
      const byPages = options.pages !== undefined;
      if (byApplications === byPages) {
        throw new UsageError('请指定 --applications（按件）或 --pages（按量）其中之一');
      }
      if (byPages && options.already !== undefined)
        throw new UsageError('--already 只能与 --applications 一起使用');
      const fee = byApplications
        ? feeForApplications(
            parseCount(options.applications!, '申请件数'),
            options.already === undefined ? 0 : parseCount(options.already, '本月已申请件数'),
          )
        : feeForPages(parseCount(options.pages!, '页数'));
      process.stdout.write(options.json ? `${JSON.stringify(fee, null, 2)}\n` : formatFee(fee));
    });
}
