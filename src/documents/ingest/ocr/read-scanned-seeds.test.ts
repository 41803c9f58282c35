import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scannedPdf, scanReport } from '../../../../test/support/scan-corpus.ts';
import { scanCorpusCases } from '../../../../test/support/scan-corpus-cases.ts';
import { type SeedName, seedTextPath } from '../../../../test/support/seeds.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { checkReport } from '../../check-report.ts';
import { PdfRenderer } from '../../render/render-pdf.ts';
import { readReportDocument } from '../read-document.ts';
import { ocrAvailable } from './tesseract.ts';

/*
 * DOMAIN.md §E: each seed's known defects are found when the seed is read from a scan of it
 * (printed with the cells it printed beyond the form, as the scanned corpus prints it, at the
 * corpus's own resolution and defects), exactly as when the seed's text is read.
 */

const OCR_TIMEOUT = 900_000;

/** The §E defects by their rule: what reading the seed's text finds, and what a scan must find too. */
const KNOWN_DEFECTS: Record<SeedName, string[]> = {
  // 000-E1 an eighth value in （七）总计 and 四、结转下年度继续办理; 000-W1 items adding to 61, not 63.
  '000': ['T3-05@table3:totalConcluded', 'T3-05@table3:carriedForward', 'N-06@:'],
  // 001-E1 table 二's fee cell missing.
  '001': ['T2-01@table2:行政事业性收费'],
  // 002-W1 a 2024 budget in a 2023 report, 002-W3 《中华人民共和国政务公开条例》.
  '002': ['N-07@:', 'N-08@:'],
  // 003-W1 “2.其他法律法规禁止公开” for （三）2 (法规 for 行政法规: another legal scope).
  '003': ['N-09@table3:denied.lawForbidden'],
  // 004-E1 a sixteenth value in table 四; 004-W1 a “其中” item (235) above its total (138);
  // 004-W2 “准备市大数据中心” for 淄博市.
  '004': ['T4-04@table4:', 'N-06@:', 'N-10@:'],
};

/** The findings that blame the agency (errors and warnings), by rule and place. */
function blames(findings: readonly Finding[]): string[] {
  return [
    ...new Set(
      findings
        .filter((f) => f.severity !== 'info' && !f.ruleId.startsWith('OCR'))
        .map(
          (f) => `${f.ruleId}@${f.location.table ?? ''}:${f.location.rowKey ?? f.location.rowLabel ?? ''}`,
        ),
    ),
  ].sort();
}

describe.skipIf(!ocrAvailable())('the seeds read from scans', () => {
  let renderer: PdfRenderer;
  const cases = scanCorpusCases({ generated: 0 });

  beforeAll(async () => {
    renderer = await PdfRenderer.launch();
  }, 60_000);

  afterAll(async () => {
    await renderer?.close();
  });

  it.each(cases.map((c) => [c.name.slice('seed-'.length, 'seed-'.length + 3) as SeedName, c] as const))(
    'seed %s: every known defect is found, as in its text',
    async (name, c) => {
      const text = readFileSync(seedTextPath(name));
      const fromText = await readReportDocument(text, `${name}.txt`);
      const textBlames = blames([...fromText.findings, ...checkReport(fromText.report, fromText)]);
      expect(textBlames).toEqual(expect.arrayContaining(KNOWN_DEFECTS[name]));

      const scan = await scanReport(renderer, c.truth, c.defects, c.seed, c.printedLabels);
      const read = await readReportDocument(scannedPdf(scan), `${c.name}.pdf`);
      const scanBlames = blames([...read.findings, ...checkReport(read.report, read)]);
      expect(scanBlames).toEqual(expect.arrayContaining(textBlames));
    },
    OCR_TIMEOUT,
  );
});
