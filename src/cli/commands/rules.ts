import type { Command } from 'commander';
import { RULES, type RuleScope } from '../../core/rules/catalogue.ts';
import { SEVERITY_LABELS } from '../../core/rules/finding.ts';

/** How a user is told what a rule needs to be assessed (RuleScope). */
const SCOPE_LABELS: Record<RuleScope, string> = {
  data: '表格数据',
  'cross-year': '与上一年度比较',
  narrative: '文字部分',
  source: '原文件版式',
};

/** `gongkai rules`: the rule catalogue the checker applies, each rule with its id, severity and scope. */
export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('列出年度报告核查规则（编号、默认严重程度、适用范围、内容）')
    .option('--json', '以 JSON 输出')
    .action((options: { json?: boolean }) => {
      if (options.json) {
        process.stdout.write(`${JSON.stringify(RULES, null, 2)}\n`);
        return;
      }
      const lines = RULES.map(
        (r) => `${r.id}\t${SEVERITY_LABELS[r.severity]}\t${SCOPE_LABELS[r.scope]}\t${r.title}`,
      );
      process.stdout.write(`编号\t严重程度\t适用范围\t内容\n${lines.join('\n')}\n`);
    });
}
