import { checkReport } from '../src/documents/check-document.ts';
import { readReportDocument } from '../src/documents/ingest/read-document.ts';
import { generateValidReport } from '../test/support/generate-report.ts';
import { reportToText } from '../test/support/report-to-text.ts';
import { type Measure, peakRssMiB } from './measure.ts';

const TEXT_CORPUS = 1_000;

async function rate(docs: Uint8Array[], name: string): Promise<number> {
  const start = performance.now();
  let findings = 0;
  for (const doc of docs) {
    const ingest = await readReportDocument(doc, name);
    findings += checkReport(ingest.report, ingest).length;
  }
  const ms = performance.now() - start;
  if (findings === 0) throw new Error('the corpus produced no findings: the measure would be meaningless');
  return Math.round((docs.length / ms) * 1000);
}

export async function measures(): Promise<Measure[]> {
  const encoder = new TextEncoder();
  const reports = Array.from({ length: TEXT_CORPUS }, (_, i) => generateValidReport(i + 1, { scale: 60 }));
  const txt = reports.map((r) => encoder.encode(reportToText(r)));
  return [
    {
      name: 'ingest.txt.reportsPerSecond',
      value: await rate(txt, 'report.txt'),
      unit: 'reports/s',
      what: `read (tab-separated text export) + every rule, over ${TEXT_CORPUS} generated reports, one core`,
      peakRssMiB: peakRssMiB(),
    },
  ];
}
