import { readFileSync } from 'node:fs';
import { type Report, reportSchema } from '../src/core/report/schema.ts';
import { generateValidReport } from '../test/support/generate-report.ts';

const SEEDS = ['000', '001', '002', '003', '004'];

/**
 * `count` generated reports (tables at city scale, every identity holding) carrying the
 * multi-paragraph narrative of the five seed reports in turn (1.5–3.4 thousand characters of
 * 总体情况, 问题 and 其他 each), so that each document has the length of a real report.
 */
export function benchReports(count: number): Report[] {
  const narratives = SEEDS.map(
    (seed) =>
      reportSchema.parse(
        JSON.parse(
          readFileSync(new URL(`../test/fixtures/seeds/${seed}.report.json`, import.meta.url), 'utf8'),
        ),
      ).sections,
  );
  return Array.from({ length: count }, (_, i) => ({
    ...generateValidReport(i + 1, { scale: 60 }),
    sections: narratives[i % narratives.length]!,
  }));
}
