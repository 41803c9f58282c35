import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempFile } from '../../../../test/support/run-cli.ts';
import { scanDefectsOf, scannedPdf, scanReport } from '../../../../test/support/scan-corpus.ts';
import { loadSeedReport } from '../../../../test/support/seeds.ts';
import type { Report } from '../../../core/report/schema.ts';
import { checkReport } from '../../check-report.ts';
import { PdfRenderer } from '../../render/render-pdf.ts';
import { readReportDocument } from '../read-document.ts';
import { ocrAvailable } from './tesseract.ts';

/*
 * Seeds printed through Chromium, rasterised at 200 dpi and read back by OCR. Each read takes
 * tens of seconds: the many-file accuracy measurement is the ingest bench's, not a test's.
 */

const OCR_TIMEOUT = 600_000;

function tables(report: Report) {
  return { table2: report.table2, table3: report.table3, table4: report.table4 };
}

describe.skipIf(!ocrAvailable())('reading scanned reports by OCR', () => {
  let renderer: PdfRenderer;
  const scans = new Map<string, Uint8Array>();

  beforeAll(async () => {
    renderer = await PdfRenderer.launch();
    const clean = await scanReport(renderer, loadSeedReport('002'), scanDefectsOf('clean', 200, 1), 7);
    scans.set('002', scannedPdf(clean));
    const turned = { ...scanDefectsOf('skew', 200, 2), rotationDeg: 1.5 };
    scans.set('004', scannedPdf(await scanReport(renderer, loadSeedReport('004'), turned, 7)));
  }, 180_000);

  afterAll(async () => {
    await renderer?.close();
  });

  it(
    'reads every cell of a seed scanned at 200 dpi exactly and still finds its known defects',
    async () => {
      const truth = loadSeedReport('002');
      const result = await readReportDocument(scans.get('002')!, 'seed-002.pdf');
      expect(tables(result.report)).toEqual(tables(truth));
      expect(result.report.year).toBe(2023);
      expect(result.scan).toMatchObject({ pages: expect.any(Number), cellsCorrected: 0, cellsUnreadable: 0 });
      expect(result.scan!.cellsRead).toBeGreaterThanOrEqual(25 * 7);
      expect(result.scan!.meanConfidence).toBeGreaterThan(80);
      const rules = new Set(checkReport(result.report, result).map((f) => f.ruleId));
      // 002-W1 (a 2024 budget in a 2023 report) and 002-W3 (《中华人民共和国政务公开条例》).
      expect(rules).toContain('N-07');
      expect(rules).toContain('N-08');
      expect(
        [...rules].filter((id) => id.startsWith('T3') || id.startsWith('T4') || id.startsWith('OCR')),
      ).toEqual([]);
    },
    OCR_TIMEOUT,
  );

  it(
    'reads a page scanned 1.5° askew cell-exact',
    async () => {
      const result = await readReportDocument(scans.get('004')!, 'seed-004.pdf');
      expect(tables(result.report)).toEqual(tables(loadSeedReport('004')));
      expect(result.findings.filter((f) => f.ruleId.startsWith('OCR'))).toEqual([]);
    },
    OCR_TIMEOUT,
  );

  it('refuses a scan naming what to install where Tesseract is missing', () => {
    const file = tempFile('scan.pdf', scans.get('002')!);
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/gongkai.js'), 'check', file], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'PDF 没有文字层（可能是扫描件）；需要安装 tesseract-ocr 和 tesseract-ocr-chi-sim',
    );
    expect(run.stderr).not.toMatch(/\bat .+:\d+/);
  });
});
