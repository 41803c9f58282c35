import type { Command } from 'commander';
import { reportJsonSchema } from '../../core/report/parse-report.ts';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('输出 gongkai-report/1 年度报告交换格式的 JSON Schema')
    .action(() => {
      process.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    });
}
