import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type Report, reportSchema } from '../src/core/report/schema.ts';
import { renderDocx } from '../src/documents/render/render-docx.ts';
import { renderHtml } from '../src/documents/render/render-html.ts';
import { renderMarkdown } from '../src/documents/render/render-markdown.ts';
import { PdfRenderer } from '../src/documents/render/render-pdf.ts';
import { loadDocumentsConfig } from '../src/server/config.ts';
import { generateValidReport } from '../test/support/generate-report.ts';
import { type Measure, peakRssMiB } from './measure.ts';

const CORPUS_SIZE = 200;

/**
 * 200 generated reports (tables at city scale) carrying the narrative of seed 002, so that each
 * rendering has the length of a real report (9 A4 pages).
 */
function corpus(): Report[] {
  const seed = reportSchema.parse(
    JSON.parse(readFileSync(new URL('../test/fixtures/seeds/002.report.json', import.meta.url), 'utf8')),
  );
  return Array.from({ length: CORPUS_SIZE }, (_, i) => ({
    ...generateValidReport(i + 1, { scale: 60 }),
    sections: seed.sections,
  }));
}

/** Proportional set size of a process (shared pages split among sharers), falling back to its RSS. */
function processBytes(pid: number, rssPages: number): number {
  try {
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (pss) return Number(pss[1]) * 1024;
  } catch {
    // no smaps_rollup (old kernel, no permission)
  }
  return rssPages * 4096;
}

/**
 * Memory of this process and every process it started (Chromium's browser, renderer, GPU and
 * utility processes), in MiB, counted as PSS so that pages the processes share are not counted
 * twice; Linux only (null elsewhere).
 */
function treeRssMiB(): number | null {
  try {
    const parents = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), Number(fields[1]));
        rss.set(Number(entry), Number(fields[21]));
      } catch {
        // the process ended while we looked
      }
    }
    const inTree = (pid: number): boolean => {
      for (let p: number | undefined = pid, depth = 0; p && depth < 64; p = parents.get(p), depth += 1) {
        if (p === process.pid) return true;
      }
      return false;
    };
    let bytes = 0;
    for (const [pid, pages] of rss) if (inTree(pid)) bytes += processBytes(pid, pages);
    return Math.round((bytes / 2 ** 20) * 10) / 10;
  } catch {
    return null;
  }
}

function syncRate(reports: Report[], render: (r: Report) => unknown): number {
  for (const r of reports.slice(0, 10)) render(r); // warm-up
  const start = performance.now();
  let rounds = 0;
  do {
    for (const r of reports) render(r);
    rounds += 1;
  } while (performance.now() - start < 1000);
  return Math.round(((rounds * reports.length) / (performance.now() - start)) * 1000);
}

async function docxRate(reports: Report[]): Promise<number> {
  await renderDocx(reports[0]!); // warm-up
  const start = performance.now();
  for (const r of reports) await renderDocx(r);
  return Math.round((reports.length / (performance.now() - start)) * 1000);
}

/** One browser for the whole batch, `concurrency` pages in flight; peak memory sampled every 100 ms. */
async function pdfRate(
  reports: Report[],
  concurrency: number,
): Promise<{ rate: number; peak: number | null }> {
  const renderer = await PdfRenderer.launch({ executablePath: loadDocumentsConfig().chromiumPath });
  let peak: number | null = treeRssMiB();
  const sampler = setInterval(() => {
    const now = treeRssMiB();
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 100);
  try {
    await renderer.render(reports[0]!); // warm-up
    const start = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < reports.length) {
        const report = reports[next++]!;
        const pdf = await renderer.render(report);
        if (pdf.length < 10_000) throw new Error('a rendered PDF is implausibly small');
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { rate: Math.round((reports.length / (performance.now() - start)) * 1000 * 100) / 100, peak };
  } finally {
    clearInterval(sampler);
    await renderer.close();
  }
}

export async function measures(): Promise<Measure[]> {
  const reports = corpus();
  const results: Measure[] = [
    {
      name: 'render.html.reportsPerSecond',
      value: syncRate(reports, renderHtml),
      unit: 'reports/s',
      what: `renderHtml over ${CORPUS_SIZE} generated reports with a real narrative (9 A4 pages each), one core`,
      peakRssMiB: peakRssMiB(),
    },
    {
      name: 'render.md.reportsPerSecond',
      value: syncRate(reports, renderMarkdown),
      unit: 'reports/s',
      what: `renderMarkdown over the same ${CORPUS_SIZE} reports, one core`,
      peakRssMiB: peakRssMiB(),
    },
    {
      name: 'render.docx.reportsPerSecond',
      value: await docxRate(reports),
      unit: 'reports/s',
      what: `renderDocx (docx package, zipped) over the same ${CORPUS_SIZE} reports, one after another, one core`,
      peakRssMiB: peakRssMiB(),
    },
  ];
  const concurrency = Math.max(2, Math.min(4, availableParallelism()));
  const pdf = await pdfRate(reports, concurrency);
  results.push({
    name: 'render.pdf.reportsPerSecond',
    value: pdf.rate,
    unit: 'reports/s',
    what:
      `PdfRenderer.render over the same ${CORPUS_SIZE} reports: one headless Chromium for the batch, ` +
      `${concurrency} pages in flight, text layer repaired; peak memory is Node + Chromium (all processes, PSS)`,
    peakRssMiB: pdf.peak ?? peakRssMiB(),
  });
  return results;
}
