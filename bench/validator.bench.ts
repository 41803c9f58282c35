import { parseReport } from '../src/core/report/parse-report.ts';
import { validateReport } from '../src/core/rules/validate-report.ts';
import { generateValidReport } from '../test/support/generate-report.ts';
import { type Measure, peakRssMiB } from './measure.ts';

const CORPUS_SIZE = 10_000;

export async function measures(): Promise<Measure[]> {
  const corpus = Array.from({ length: CORPUS_SIZE }, (_, i) => generateValidReport(i + 1));
  // Break a tenth of them so the validator also builds findings, as on real reports.
  corpus.forEach((r, i) => {
    if (i % 10 === 0) r.table3.granted[0] = (r.table3.granted[0] ?? 0) + 1;
  });
  const texts = corpus.map((r) => JSON.stringify(r));

  const validateStart = performance.now();
  let findings = 0;
  for (const report of corpus) findings += validateReport(report).length;
  const validateMs = performance.now() - validateStart;

  const fullStart = performance.now();
  for (const text of texts) validateReport(parseReport(JSON.parse(text)));
  const fullMs = performance.now() - fullStart;

  if (findings === 0) throw new Error('bench corpus produced no findings: the measure would be meaningless');
  return [
    {
      name: 'validator.reportsPerSecond',
      value: Math.round((CORPUS_SIZE / validateMs) * 1000),
      unit: 'reports/s',
      what: `validateReport over ${CORPUS_SIZE} generated reports (one in ten with a broken identity), one core`,
      peakRssMiB: peakRssMiB(),
    },
    {
      name: 'validator.jsonReportsPerSecond',
      value: Math.round((CORPUS_SIZE / fullMs) * 1000),
      unit: 'reports/s',
      what: `JSON.parse + schema check (zod) + validateReport over ${CORPUS_SIZE} report JSON texts, one core`,
      peakRssMiB: peakRssMiB(),
    },
  ];
}
