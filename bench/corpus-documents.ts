import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Report } from '../src/core/report/schema.ts';
import { RENDER_FORMATS, renderReport } from '../src/documents/render/render-report.ts';
import { loadDocumentsConfig } from '../src/server/config.ts';
import { realSizePage } from '../test/support/real-size-page.ts';
import { reportToText } from '../test/support/report-to-text.ts';

/** The benchmark documents, one file each, kept between runs (gitignored). */
const CORPUS = new URL('./.corpus/', import.meta.url);
const RENDER_SOURCES = new URL('../src/documents/render/', import.meta.url);

/** `page`: the report's renderHtml output inside ~100 KB of agency-site page (real-size-page.ts). */
export type CorpusFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf' | 'page';

const EXTENSIONS: Record<CorpusFormat, string> = {
  txt: '.txt',
  md: RENDER_FORMATS.md.extension,
  html: RENDER_FORMATS.html.extension,
  docx: RENDER_FORMATS.docx.extension,
  pdf: RENDER_FORMATS.pdf.extension,
  page: RENDER_FORMATS.html.extension,
};
const PAGE_SOURCE = new URL('../test/support/real-size-page.ts', import.meta.url);

/**
 * The reports written in one format: txt is the tab-separated text export, the others are
 * renderReport's output (PDF: headless Chromium, one browser for the batch). Files are written
 * under bench/.corpus/<format>/<key>/ where the key hashes the reports and the renderer sources,
 * so a run reuses the previous run's files unless either changed. Returns the file paths in
 * report order.
 */
export async function corpusFiles(format: CorpusFormat, reports: Report[]): Promise<string[]> {
  const key = corpusKey(format, reports);
  const base = new URL(`${format}/`, CORPUS);
  const dir = new URL(`${key}/`, base);
  const names = reports.map((_, i) => `${String(i + 1).padStart(5, '0')}${EXTENSIONS[format]}`);
  const paths = names.map((name) => fileURLToPath(new URL(name, dir)));
  if (existsSync(new URL('complete', dir))) return paths;
  if (existsSync(base)) for (const old of readdirSync(base)) rmSync(new URL(old, base), { recursive: true });
  mkdirSync(dir, { recursive: true });
  await writeAll(format, reports, paths);
  writeFileSync(new URL('complete', dir), `${reports.length}\n`);
  return paths;
}

function corpusKey(format: CorpusFormat, reports: Report[]): string {
  const hash = createHash('sha256').update(format).update(JSON.stringify(reports));
  for (const file of readdirSync(RENDER_SOURCES).sort()) {
    if (file.endsWith('.ts') && !file.endsWith('.test.ts'))
      hash.update(readFileSync(new URL(file, RENDER_SOURCES)));
  }
  if (format === 'page') hash.update(readFileSync(PAGE_SOURCE));
  return hash.digest('hex').slice(0, 16);
}

async function writeAll(format: CorpusFormat, reports: Report[], paths: string[]): Promise<void> {
  if (format === 'pdf') return writePdfs(reports, paths);
  for (const [i, report] of reports.entries()) {
    if (format === 'page') {
      const html = Buffer.from((await renderReport(report, 'html')).bytes).toString('utf8');
      writeFileSync(paths[i]!, realSizePage(html, i + 1, report.publishedOn ?? `${report.year + 1}-01-20`));
      continue;
    }
    const bytes = format === 'txt' ? reportToText(report) : (await renderReport(report, format)).bytes;
    writeFileSync(paths[i]!, bytes);
  }
}

/** One headless Chromium for the batch, a few pages in flight. */
async function writePdfs(reports: Report[], paths: string[]): Promise<void> {
  // Loaded here only: the other formats never start Chromium.
  const { PdfRenderer } = await import('../src/documents/render/render-pdf.ts');
  const pdfRenderer = await PdfRenderer.launch({ executablePath: loadDocumentsConfig().chromiumPath });
  try {
    let next = 0;
    const worker = async () => {
      while (next < reports.length) {
        const i = next++;
        writeFileSync(paths[i]!, (await renderReport(reports[i]!, 'pdf', { pdfRenderer })).bytes);
      }
    };
    await Promise.all(Array.from({ length: Math.max(2, Math.min(4, availableParallelism())) }, worker));
  } finally {
    await pdfRenderer.close();
  }
}

/** The PDFs LibreOffice made of the fixture documents (test/fixtures/documents/*.lo.pdf). */
export function libreOfficeFixturePdfs(): string[] {
  return fixturePdfs('lo');
}

/** The fixture documents' PDFs made by LibreOffice (`lo`) or Chromium (test/fixtures/documents/*.<tool>.pdf). */
export function fixturePdfs(tool: 'lo' | 'chromium'): string[] {
  const dir = new URL('../test/fixtures/documents/', import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith(`.${tool}.pdf`))
    .sort()
    .map((file) => fileURLToPath(new URL(file, dir)));
}

/** PDF producers whose files are hand-shaped fixtures (test/fixtures/producers/<stem>.<producer>.pdf). */
export type FixtureProducer = 'wps' | 'word' | 'jisu';

/** The producer-shaped fixture PDFs of `producer` (test/fixtures/build/make-producer-fixtures.ts). */
export function producerFixturePdfs(producer: FixtureProducer): string[] {
  const dir = new URL('../test/fixtures/producers/', import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith(`.${producer}.pdf`))
    .sort()
    .map((file) => fileURLToPath(new URL(file, dir)));
}
