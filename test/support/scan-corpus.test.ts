import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportDocument } from '../../src/documents/ingest/read-document.ts';
import { PdfRenderer } from '../../src/documents/render/render-pdf.ts';
import {
  type ScanDefects,
  scanDefectsOf,
  scannedPdf,
  scanPdf,
  signedReportHtml,
  writeScan,
} from './scan-corpus.ts';
import { scanCorpusCases } from './scan-corpus-cases.ts';
import { loadSeedReport } from './seeds.ts';

let renderer: PdfRenderer;
let printed: Uint8Array;
const truth = loadSeedReport('002');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-scan-test-'));

beforeAll(async () => {
  renderer = await PdfRenderer.launch();
  printed = await renderer.printHtml(signedReportHtml(truth));
}, 60_000);

afterAll(async () => {
  await renderer?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Pixels clearly red (the seal's ink), counted on a page. */
async function redPixels(jpeg: Uint8Array): Promise<number> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  let red = 0;
  for (let at = 0; at < data.length; at += info.channels) {
    if (data[at]! > 150 && data[at + 1]! < 110 && data[at + 2]! < 110) red += 1;
  }
  return red;
}

function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const path = join(dir, 'info.pdf');
  writeFileSync(path, bytes);
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    out.split('\n').map((l) => [l.split(':')[0]!, l.slice(l.indexOf(':') + 1).trim()]),
  );
}

describe('scanPdf', () => {
  const all: ScanDefects = { ...scanDefectsOf('all', 150, 3), rotationDeg: 1.2, seal: true };

  it('is deterministic: the same seed gives the same pages byte for byte, another seed other pages', async () => {
    const a = await scanPdf(printed, truth, all, 7);
    const b = await scanPdf(printed, truth, all, 7);
    const c = await scanPdf(printed, truth, all, 8);
    expect(a.pages.map((p) => Buffer.from(p.jpeg).toString('base64'))).toEqual(
      b.pages.map((p) => Buffer.from(p.jpeg).toString('base64')),
    );
    expect(Buffer.from(c.pages[0]!.jpeg).equals(Buffer.from(a.pages[0]!.jpeg))).toBe(false);
  }, 120_000);

  it('keeps the A4 page at the resolution and stamps the red seal on the last page only', async () => {
    const scan = await scanPdf(printed, truth, all, 7);
    const pageCount = Number(pdfInfo(printed).Pages);
    expect(scan.pages).toHaveLength(pageCount);
    for (const page of scan.pages) {
      // A4 is 210 × 297 mm: at 150 dpi 1240 × 1754 pixels, give or take pdftoppm's rounding.
      expect(Math.abs(page.width - (210 / 25.4) * 150)).toBeLessThan(4);
      expect(Math.abs(page.height - (297 / 25.4) * 150)).toBeLessThan(4);
    }
    const reds = await Promise.all(scan.pages.map((p) => redPixels(p.jpeg)));
    expect(reds.at(-1)).toBeGreaterThan(2000);
    expect(reds.slice(0, -1).every((n) => n < 50)).toBe(true);
    const unsealed = await scanPdf(printed, truth, { ...all, seal: false }, 7);
    expect(await redPixels(unsealed.pages.at(-1)!.jpeg)).toBeLessThan(50);
  }, 120_000);

  it('writes an image-only PDF of A4 pages, the page images, their zip and the truth', async () => {
    const scan = await scanPdf(printed, truth, scanDefectsOf('clean', 150, 1), 1);
    const pdf = scannedPdf(scan);
    const info = pdfInfo(pdf);
    expect(Number(info.Pages)).toBe(scan.pages.length);
    // A4 is 595.28 × 841.89 points; pdftoppm rounds the pixels up, so the page is a pixel larger at most.
    const [w, h] = (info['Page size'] ?? '').split(' x ').map((v) => Number.parseFloat(v));
    expect(Math.abs(w! - 595.28)).toBeLessThan(2);
    expect(Math.abs(h! - 841.89)).toBeLessThan(2);
    expect(execFileSync('pdftotext', [join(dir, 'info.pdf'), '-'], { encoding: 'utf8' }).trim()).toBe('');
    await writeScan(dir, 'r', scan);
    const names = readdirSync(join(dir, 'r'));
    expect(names.sort()).toEqual(scan.pages.map((_, i) => `p${i + 1}.jpg`).sort());
    const zipped = unzipSync(readFileSync(join(dir, 'r.zip')));
    expect(Object.keys(zipped).sort()).toEqual(names.sort());
    const written = JSON.parse(readFileSync(join(dir, 'r.report.json'), 'utf8'));
    expect(written.table3).toEqual(truth.table3);
    expect(written.scan.kind).toBe('clean');
    // The pages pass every check of the page-image reader (format, size, not damaged) and are read
    // by OCR, in order, back to the report they were printed from.
    const seen: number[] = [];
    const read = await readReportDocument(readFileSync(join(dir, 'r.zip')), 'r.zip', {
      onPage: (page) => seen.push(page),
    });
    expect(seen).toEqual(scan.pages.map((_, i) => i + 1));
    expect(read.format).toBe('image');
    expect(read.report.table3).toEqual(truth.table3);
  }, 120_000);
});

describe('scanCorpusCases', () => {
  it('covers every resolution with every kind of defect and keeps the seeds with their truth', () => {
    const cases = scanCorpusCases({ generated: 13 });
    const pairs = new Set(cases.map((c) => `${c.defects.dpi}/${c.defects.kind}`));
    expect(pairs.size).toBe(18);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.filter((c) => c.name.startsWith('seed-')).map((c) => c.truth)).toEqual(
      ['000', '001', '002', '003', '004'].map((n) => loadSeedReport(n as '000')),
    );
  });
});
