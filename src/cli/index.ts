import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.ts';
import { registerCalendar } from './commands/calendar.ts';
import { registerCheck } from './commands/check.ts';
import { registerDb } from './commands/db.ts';
import { registerDeadline } from './commands/deadline.ts';
import { registerExport } from './commands/export.ts';
import { registerFee } from './commands/fee.ts';
import { registerImport } from './commands/import.ts';
import { registerJobs } from './commands/jobs.ts';
import { registerParse } from './commands/parse.ts';
import { registerRender } from './commands/render.ts';
import { registerReport } from './commands/report.ts';
import { registerRules } from './commands/rules.ts';
import { registerSchema } from './commands/schema.ts';
import { registerServe } from './commands/serve.ts';
import { registerWorkdays } from './commands/workdays.ts';
import { registerWorker } from './commands/worker.ts';
import { EXIT, reportFailure, translateCommanderError } from './exit.ts';

const program = new Command('gongkai')
  .description('gongkai 公开 — 政府信息公开工作：年度报告核查、工作日与答复期限计算、信息处理费计算')
  .version('0.1.0', '-V, --version', '显示版本号')
  .helpOption('-h, --help', '显示帮助')
  .addHelpCommand('help [command]', '显示某个命令的帮助')
  .exitOverride()
  .configureOutput({
    outputError: (text, write) =>
      write(`gongkai: ${translateCommanderError(text)}（使用 --help 查看用法）\n`),
  });

registerServe(program);
registerCheck(program);
registerParse(program);
registerRender(program);
registerSchema(program);
registerWorkdays(program);
registerDeadline(program);
registerCalendar(program);
registerFee(program);
registerRules(program);
registerDb(program);
registerAudit(program);
registerReport(program);
registerImport(program);
registerExport(program);
registerWorker(program);
registerJobs(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit through here with code 0; usage errors have been printed already.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
  } else {
    process.exitCode = reportFailure(error);
  }
}
