import { z } from 'zod';
import { AppError } from '../errors.ts';
import { type Report, reportSchema } from './schema.ts';

const MAX_LISTED_PROBLEMS = 5;

/**
 * Checks that `value` (already JSON-decoded) is a `gongkai-report/1` report. Throws
 * AppError('INVALID_REPORT') whose message names the first problems with their field paths.
 */
export function parseReport(value: unknown): Report {
  const result = reportSchema.safeParse(value, { error: z.locales.zhCN().localeError });
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '（根）';
    return `${path}：${issue.message}`;
  });
  const more = result.error.issues.length > MAX_LISTED_PROBLEMS ? ` 等 ${result.error.issues.length} 处` : '';
  throw new AppError(
    'INVALID_REPORT',
    `不是有效的 gongkai-report/1 年度报告：${problems.join('；')}${more}`,
    result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  );
}

/**
 * The JSON Schema of `gongkai-report/1`, generated from the zod schema, plus what zod cannot say in
 * it: which fields each template has (format2019 exactly when formatVersion is "2019").
 */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    title: 'gongkai-report/1 政府信息公开工作年度报告',
    ...z.toJSONSchema(reportSchema, { io: 'input' }),
    oneOf: [
      { properties: { formatVersion: { const: '2019' } }, required: ['formatVersion', 'format2019'] },
      { properties: { formatVersion: { const: '2021' } }, not: { required: ['format2019'] } },
    ],
  };
}
