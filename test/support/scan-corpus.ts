import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import type { Report } from '../../src/core/report/schema.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { escapeHtml } from '../../src/documents/render/escape-html.ts';
import type { PdfRenderer } from '../../src/documents/render/render-pdf.ts';
import { writeImagePdf } from './image-pdf.ts';
import { type PrintedLabels, printedReportHtml } from './printed-extras.ts';
import { sealSvg } from './scan-seal.ts';

const run = promisify(execFile);

/** Resolutions agencies scan at. */
export const SCAN_DPIS = [150, 200, 300] as const;
export type ScanDpi = (typeof SCAN_DPIS)[number];

/**
 * The defects of a scan, one kind at a time (to measure each) and all together:
 * 'clean' only JPEG at quality 85; 'skew' the page rotated 0.5–1.5° either way; 'noise' grain and
 * speckle; 'jpeg' quality 60; 'seal' a red seal over the 落款; 'all' every one of them.
 */
export const SCAN_DEFECT_KINDS = ['clean', 'skew', 'noise', 'jpeg', 'seal', 'all'] as const;
export type ScanDefectKind = (typeof SCAN_DEFECT_KINDS)[number];

export interface ScanDefects {
  kind: ScanDefectKind;
  dpi: ScanDpi;
  /** Degrees, positive counter-clockwise; the page is turned on a white background and kept its size. */
  rotationDeg: number;
  /** Standard deviation of the grey-level grain added to every pixel (0–255 scale). */
  noiseSigma: number;
  /** Dark specks per million pixels. */
  specklesPerMegapixel: number;
  /** JPEG quality of the pages (60–85). */
  jpegQuality: number;
  /** A red seal drawn over the 落款 on the last page. */
  seal: boolean;
}

/** The defects of a kind at a resolution, their amounts drawn from `seed` (deterministic). */
export function scanDefectsOf(kind: ScanDefectKind, dpi: ScanDpi, seed: number): ScanDefects {
  const random = seededRandom(seed * 7919 + dpi);
  const between = (low: number, high: number) => low + (high - low) * random();
  const sign = random() < 0.5 ? -1 : 1;
  const defects: ScanDefects = {
    kind,
    dpi,
    rotationDeg: 0,
    noiseSigma: 0,
    specklesPerMegapixel: 0,
    jpegQuality: 85,
    seal: false,
  };
  const rotation = Math.round(sign * between(0.5, 1.5) * 100) / 100;
  const noise = Math.round(between(8, 18));
  const speckles = Math.round(between(20, 80));
  if (kind === 'skew' || kind === 'all')
    defects.rotationDeg = kind === 'all' ? rotation * random() : rotation;
  if (kind === 'noise' || kind === 'all') {
    defects.noiseSigma = noise;
    defects.specklesPerMegapixel = speckles;
  }
  if (kind === 'jpeg') defects.jpegQuality = 60;
  if (kind === 'all') defects.jpegQuality = Math.round(between(60, 85));
  if (kind === 'seal' || kind === 'all') defects.seal = true;
  defects.rotationDeg = Math.round(defects.rotationDeg * 100) / 100;
  return defects;
}

/** One scanned page: a baseline JPEG of `width` × `height` pixels at `dpi`. */
export interface ScannedPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

/** A report as an agency's scan of its printed, signed and stamped copy, with its truth. */
export interface ScannedReport {
  /** What the scan shows: the report it was printed from. */
  truth: Report;
  defects: ScanDefects;
  pages: ScannedPage[];
}

/**
 * The printed report: the HTML rendering with the cells the report printed beyond the form
 * (printedReportHtml) and the 落款 (agency, date in Chinese) under the last section,
 * right-aligned, as agencies sign and date their reports.
 */
export function signedReportHtml(report: Report, printedLabels: PrintedLabels = {}): string {
  return printedReportHtml(report, printedLabels).replace(
    /<\/article>\s*$/m,
    `<p class="gk-signature" style="text-align:right;margin-top:2em;line-height:1.5">${escapeHtml(report.agency)}<br>${escapeHtml(signatureDate(report))}</p>\n</article>`,
  );
}

/** The 落款 date ("2025年1月20日"), or '' when the report has no publication date. */
export function signatureDate(report: Report): string {
  if (!report.publishedOn) return '';
  const [y, m, d] = report.publishedOn.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Prints a report through Chromium, rasterises it with pdftoppm at the defects' resolution and
 * degrades each page (seal on the last page, rotation, grain and speckle, JPEG), deterministically
 * from `seed`. Needs poppler-utils (pdftoppm, pdftotext) and Chromium.
 */
export async function scanReport(
  renderer: PdfRenderer,
  report: Report,
  defects: ScanDefects,
  seed: number,
  printedLabels: PrintedLabels = {},
): Promise<ScannedReport> {
  const pdf = await renderer.printHtml(signedReportHtml(report, printedLabels));
  return scanPdf(pdf, report, defects, seed);
}

/** As scanReport, from the printed PDF. */
export async function scanPdf(
  pdf: Uint8Array,
  truth: Report,
  defects: ScanDefects,
  seed: number,
): Promise<ScannedReport> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-scan-'));
  try {
    const source = join(dir, 'printed.pdf');
    await writeFile(source, pdf);
    // PPM (uncompressed): pdftoppm writes it several times faster than PNG.
    await run('pdftoppm', ['-r', String(defects.dpi), source, join(dir, 'page')]);
    const files = (await readdir(dir)).filter((f) => f.startsWith('page-') && f.endsWith('.ppm')).sort();
    const seal = defects.seal ? await signatureBox(source, files.length, truth) : null;
    const random = seededRandom(seed);
    const pages: ScannedPage[] = [];
    for (const [index, file] of files.entries()) {
      const ppm = readPpm(await readFile(join(dir, file)));
      const sealHere = seal && index === files.length - 1 ? seal : null;
      pages.push(await degradePage(ppm, defects, random, sealHere, truth.agency));
    }
    return { truth, defects, pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Where the 落款 is on the last page, in PDF points from the top left (pdftotext -bbox). */
interface PointBox {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

async function signatureBox(pdfPath: string, pages: number, report: Report): Promise<PointBox | null> {
  const { stdout } = await run(
    'pdftotext',
    ['-f', String(pages), '-l', String(pages), '-bbox', pdfPath, '-'],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const words = [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ];
  const wanted = new Set([escapeHtml(report.agency), signatureDate(report)].filter((w) => w !== ''));
  const boxes = words
    .filter((w) => wanted.has(w[5]!))
    .slice(-wanted.size)
    .map((w) => ({ xMin: +w[1]!, yMin: +w[2]!, xMax: +w[3]!, yMax: +w[4]! }));
  if (boxes.length === 0) return null;
  return {
    xMin: Math.min(...boxes.map((b) => b.xMin)),
    yMin: Math.min(...boxes.map((b) => b.yMin)),
    xMax: Math.max(...boxes.map((b) => b.xMax)),
    yMax: Math.max(...boxes.map((b) => b.yMax)),
  };
}

/** The pixels of a binary PPM (P6, 8 bits) as pdftoppm writes it. */
function readPpm(bytes: Uint8Array): RawImage {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const match = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!match) throw new Error('pdftoppm did not write a binary PPM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { data: bytes.subarray(match[0].length, match[0].length + width * height * 3), width, height };
}

interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
}

async function degradePage(
  page: RawImage,
  defects: ScanDefects,
  random: () => number,
  seal: PointBox | null,
  agency: string,
): Promise<ScannedPage> {
  const { width, height } = page;
  let image = sharp(page.data, { raw: { width, height, channels: 3 } });
  if (seal) {
    const scale = defects.dpi / 72;
    // A 42 mm seal centred on the 落款, a little off-centre as stamped by hand.
    const size = Math.round((42 / 25.4) * defects.dpi);
    const cx = ((seal.xMin + seal.xMax) / 2) * scale + (random() - 0.5) * size * 0.2;
    const cy = ((seal.yMin + seal.yMax) / 2) * scale + (random() - 0.5) * size * 0.2;
    const left = clamp(Math.round(cx - size / 2), 0, width - size);
    const top = clamp(Math.round(cy - size / 2), 0, height - size);
    const svg = Buffer.from(sealSvg(agency, size));
    const stamped = await image
      .composite([{ input: svg, left, top, blend: 'multiply' }])
      .raw()
      .toBuffer({ resolveWithObject: true });
    image = sharp(stamped.data, { raw: stamped.info });
  }
  if (defects.rotationDeg !== 0) {
    const turned = await image
      .rotate(defects.rotationDeg, { background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The scanner's bed keeps the page size: crop the turned page back to it, centred.
    image = sharp(turned.data, { raw: turned.info }).extract({
      left: Math.floor((turned.info.width - width) / 2),
      top: Math.floor((turned.info.height - height) / 2),
      width,
      height,
    });
  }
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  addGrain(data, info.width, info.height, info.channels, defects, random);
  const jpeg = await sharp(data, { raw: info })
    .jpeg({ quality: defects.jpegQuality, progressive: false, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return { jpeg: new Uint8Array(jpeg), width: info.width, height: info.height, dpi: defects.dpi };
}

/** Gaussian grain on every pixel (the same on each channel) and dark specks of 1–3 pixels. */
function addGrain(
  data: Buffer,
  width: number,
  height: number,
  channels: number,
  defects: ScanDefects,
  random: () => number,
): void {
  if (defects.noiseSigma > 0) {
    const grain = gaussianTable(random);
    // A clamped view: writes saturate at 0 and 255.
    const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0, at = 0; i < width * height; i += 1, at += channels) {
      const delta = Math.round(grain[(random() * GRAIN_TABLE) | 0]! * defects.noiseSigma);
      for (let c = 0; c < channels; c += 1) pixels[at + c] = pixels[at + c]! + delta;
    }
  }
  const specks = Math.round((defects.specklesPerMegapixel * width * height) / 1_000_000);
  for (let s = 0; s < specks; s += 1) {
    const x = Math.floor(random() * width);
    const y = Math.floor(random() * height);
    const size = 1 + Math.floor(random() * 3);
    const shade = Math.floor(random() * 90);
    for (let dy = 0; dy < size && y + dy < height; dy += 1) {
      for (let dx = 0; dx < size && x + dx < width; dx += 1) {
        const at = ((y + dy) * width + x + dx) * channels;
        for (let c = 0; c < channels; c += 1) data[at + c] = shade;
      }
    }
  }
}

const GRAIN_TABLE = 1 << 16;

/** Standard normal samples (Box–Muller from the seeded source), drawn from per pixel. */
function gaussianTable(random: () => number): Float64Array {
  const table = new Float64Array(GRAIN_TABLE);
  for (let i = 0; i < GRAIN_TABLE; i += 1) {
    table[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }
  return table;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The scan as an image-only PDF (one JPEG per page, DCTDecode, no text layer). */
export function scannedPdf(scan: ScannedReport): Uint8Array {
  return writeImagePdf(scan.pages);
}

/**
 * The scan as a folder's worth of page images named p1 … pN (so that p10 sorts after p2 only by
 * natural order): the JPEGs as they are, or PNG (lossless copies of the same pixels).
 */
export async function scannedPageFiles(
  scan: ScannedReport,
  format: 'jpg' | 'png',
): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    scan.pages.map(async (page, index) => ({
      name: `p${index + 1}.${format}`,
      bytes: format === 'jpg' ? page.jpeg : new Uint8Array(await sharp(page.jpeg).png().toBuffer()),
    })),
  );
}

/** The page images as one zip (stored, as phones and scanners share them), under `folder/`. */
export async function scannedZip(
  scan: ScannedReport,
  format: 'jpg' | 'png',
  folder = '',
): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of await scannedPageFiles(scan, format)) entries[`${folder}${file.name}`] = file.bytes;
  return zipSync(entries, { level: 0 });
}

/**
 * Writes a scan beside its truth under `dir`: `<name>.pdf` (image-only), `<name>/p1.jpg …`,
 * `<name>.zip` (the same pages) and `<name>.report.json` (the Report the scan was printed from,
 * and the defects applied, under "scan").
 */
export async function writeScan(dir: string, name: string, scan: ScannedReport): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, `${name}.pdf`), scannedPdf(scan));
  for (const file of await scannedPageFiles(scan, 'jpg'))
    await writeFile(join(dir, name, file.name), file.bytes);
  await writeFile(join(dir, `${name}.zip`), await scannedZip(scan, 'jpg'));
  await writeFile(
    join(dir, `${name}.report.json`),
    `${JSON.stringify({ ...scan.truth, scan: scan.defects }, null, 2)}\n`,
  );
}
