import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { runBounded } from './run-bounded.ts';

/** What to tell a user whose machine cannot read scans. */
export const OCR_INSTALL_HINT =
  '需要安装 tesseract-ocr 和 tesseract-ocr-chi-sim（apt install tesseract-ocr tesseract-ocr-chi-sim poppler-utils）';

/** A word as Tesseract's TSV output gives it, in pixels of the image it was given. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100. */
  confidence: number;
  /** Block, paragraph and line numbers together: words with the same key are on one line. */
  lineKey: string;
}

export interface RecogniseOptions {
  lang: 'chi_sim' | 'eng';
  /** Tesseract page segmentation mode: 3 automatic, 6 one block, 7 one line. */
  psm: 3 | 4 | 6 | 7;
  /** Only these characters (digits for count cells). */
  whitelist?: string;
  dpi: number;
}

/** One Tesseract call: at most this long, this much memory. */
const LIMITS = { timeoutMs: 60_000, maxMemoryMb: 1536, maxOutputBytes: 16 * 1024 * 1024 };

let availability: boolean | null = null;

/** Whether Tesseract with the simplified-Chinese data is installed (checked once per process). */
export function ocrAvailable(): boolean {
  if (availability === null) {
    try {
      const langs = execFileSync('tesseract', ['--list-langs'], {
        timeout: 10_000,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      const pdftoppm = execFileSync('pdftoppm', ['-v'], { timeout: 10_000, encoding: 'utf8', stdio: 'pipe' });
      availability = /^chi_sim$/m.test(langs) && /^eng$/m.test(langs) && pdftoppm !== null;
    } catch {
      availability = false;
    }
  }
  return availability;
}

/** Refuses with what to install when Tesseract or its Chinese data is missing. */
export function requireOcr(what: string): void {
  if (!ocrAvailable()) throw new AppError('DOCUMENT_REFUSED', `${what}；${OCR_INSTALL_HINT}`);
}

/** Recognises the words of one image (PGM or PNG bytes). */
export async function recognise(image: Uint8Array, options: RecogniseOptions): Promise<OcrWord[]> {
  const tsv = await runBounded('tesseract', ['stdin', ...tesseractArgs(options)], image, LIMITS, WHAT);
  return parseTsv(tsv.toString('utf8'))[0] ?? [];
}

/**
 * Recognises the words of several images (PGM or PNG bytes) with one Tesseract process: its
 * start-up (loading the language data) costs as much as reading a page, so the pages of a report
 * are read together. The images are written to a private temporary folder and listed in a file
 * Tesseract reads; the time limit is LIMITS' per image. The words of each image, in order.
 */
export async function recogniseMany(
  images: readonly Uint8Array[],
  options: RecogniseOptions,
): Promise<OcrWord[][]> {
  if (images.length <= 1) return Promise.all(images.map((image) => recognise(image, options)));
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-ocr-'));
  try {
    const paths = images.map((_, i) => join(dir, `${i + 1}.pgm`));
    await Promise.all(images.map((image, i) => writeFile(paths[i]!, image)));
    const list = join(dir, 'pages.txt');
    await writeFile(list, `${paths.join('\n')}\n`);
    const limits = { ...LIMITS, timeoutMs: LIMITS.timeoutMs * images.length };
    const tsv = await runBounded('tesseract', [list, ...tesseractArgs(options)], null, limits, WHAT);
    const pages = parseTsv(tsv.toString('utf8'));
    return images.map((_, i) => pages[i] ?? []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const WHAT = '文字识别（Tesseract）';

/** The arguments after the input: TSV on standard output. */
function tesseractArgs(options: RecogniseOptions): string[] {
  // No second pass for white-on-black text (reports print none): a fifth less time.
  const args = [
    'stdout',
    '-l',
    options.lang,
    '--psm',
    String(options.psm),
    '--dpi',
    String(options.dpi),
    '-c',
    'tessedit_do_invert=0',
  ];
  if (options.whitelist) args.push('-c', `tessedit_char_whitelist=${options.whitelist}`);
  args.push('tsv');
  return args;
}

/** The words of each page (TSV's page_num, from 1) of Tesseract's TSV output. */
function parseTsv(tsv: string): OcrWord[][] {
  const pages: OcrWord[][] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const page = Number(f[1]) - 1;
    if (!(page >= 0 && page < 10_000)) continue;
    const text = f[11]!.trim();
    const confidence = Number(f[10]);
    if (text === '' || !(confidence >= 0)) continue;
    for (let p = pages.length; p <= page; p += 1) pages.push([]);
    pages[page]!.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      confidence,
      lineKey: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return pages;
}
