import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDocumentsConfig, readerOptions } from '../src/server/config.ts';
import {
  type CorpusFormat,
  corpusFiles,
  type FixtureProducer,
  fixturePdfs,
  libreOfficeFixturePdfs,
  producerFixturePdfs,
} from './corpus-documents.ts';
import { benchReports } from './corpus-reports.ts';
import { pdftotextCpuMsPerFile, pdftotextStartupCpuMs } from './ingest-baselines.ts';
import type { Job, Outcome } from './ingest-job.ts';
import type { Measure } from './measure.ts';
import { onOneCore } from './process-tree.ts';
import * as scanned from './scanned.bench.ts';

const TEXT_CORPUS = 1_000;
const PDF_CORPUS = 200;
/** Real-size agency pages: the issue measured 200 such pages. */
const PAGE_CORPUS = 200;
/** Each fixture PDF (LibreOffice, WPS, Word, 极速PDF: 11 files each) is read this many times. */
const FIXTURE_ROUNDS = 20;
/** The mixed batch whose peak memory must stay under 300 MB. */
const MIXED_BATCH = 1_000;
/**
 * Each format is measured this many times, each in its own process, and the run with the median
 * wall time is reported: on a shared virtual machine one run can be a third slower than the next.
 */
const RUNS = 3;

/** The run with the median wall time of RUNS runs of a job, each in a fresh process. */
function measureMedian(files: string[], mode: Job['mode'] = 'check'): Outcome {
  const outcomes = Array.from({ length: RUNS }, () => measureInProcess(files, mode));
  outcomes.sort((a, b) => a.wallMs - b.wallMs);
  return outcomes[Math.floor(RUNS / 2)]!;
}

const JOB = fileURLToPath(new URL('./ingest-job.ts', import.meta.url));

/**
 * Runs a job in a fresh Node process pinned to one core (ingest-job.ts): its peak memory is that
 * format's alone, its JIT cold, and its reader process shares its core.
 */
function measureInProcess(files: string[], mode: Job['mode'] = 'check'): Outcome {
  const { command, args } = onOneCore(process.execPath, [...process.execArgv, JOB]);
  const output = execFileSync(command, args, {
    input: JSON.stringify({ files, mode, readerOptions: readerOptions(loadDocumentsConfig()) } satisfies Job),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const outcome = JSON.parse(output.trim().split('\n').at(-1)!) as Outcome;
  if (outcome.findings === 0)
    throw new Error('the corpus produced no findings: the measure would be meaningless');
  return outcome;
}

/** The corpus in words: distinct files, average size (and pages for PDFs). */
function describe(files: string[]): string {
  const distinct = [...new Set(files)];
  const kib = distinct.reduce((sum, file) => sum + statSync(file).size, 0) / distinct.length / 1024;
  const size = kib >= 1024 ? `${(kib / 1024).toFixed(2)} MiB` : `${Math.round(kib)} KiB`;
  if (!files[0]!.endsWith('.pdf')) return `average ${size}`;
  const pages =
    distinct.reduce(
      (sum, file) => sum + (readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0),
      0,
    ) / distinct.length;
  return `average ${size}, ${pages.toFixed(1)} pages`;
}

function measure(id: string, files: string[], what: string): { measures: Measure[]; outcome: Outcome } {
  const outcome = measureMedian(files);
  const perSecond = (outcome.reports / outcome.wallMs) * 1000;
  const measures: Measure[] = [
    {
      name: `ingest.${id}.reportsPerSecond`,
      value: perSecond >= 100 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10,
      unit: 'reports/s',
      what: `read by an IngestWorker's reader process and checked (checkReport) in the calling process, as \`gongkai check\` does, one after another, both processes pinned to one core (taskset -c 0), a fresh pair per run (median of ${RUNS} such runs), over ${what}; ${describe(files)}; peak memory is the whole process tree's (TreePeak of process-tree.ts)`,
      peakRssMiB: outcome.peakRssMiB,
    },
    {
      name: `ingest.${id}.cpuMsPerReport`,
      value: round2(outcome.cpuMs / outcome.reports),
      unit: 'ms CPU/report',
      what: 'CPU time (user + system, every thread) per report in the same run of the process tree (the calling process, its reader process, their esbuild services; from /proc), IPC of the document and its result included',
    },
    {
      name: `ingest.${id}.reportsPerCpuSecond`,
      value: Math.round((outcome.reports / outcome.cpuMs) * 1000 * 10) / 10,
      unit: 'reports/s',
      what: "reports per second of the whole tree's CPU in the same run: what one core gives when nothing else runs on it (reportsPerSecond cannot exceed it on one core, and falls below it as much as the machine's other load takes of that core)",
    },
  ];
  return { measures, outcome };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A PDF producer's measures, and its CPU per report against `pdftotext -layout` on the same files. */
function measurePdf(producer: string, files: string[], what: string): Measure[] {
  const { measures, outcome } = measure(`pdf.${producer}`, files, what);
  const distinct = [...new Set(files)];
  // Each distinct file as often as it is in the corpus, at least 50 runs of pdftotext in all.
  const rounds = Math.max(1, Math.ceil(50 / distinct.length));
  const poppler = pdftotextCpuMsPerFile(Array.from({ length: rounds }, () => distinct).flat());
  const startup = pdftotextStartupCpuMs();
  const ours = outcome.cpuMs / outcome.reports;
  return [
    ...measures,
    {
      name: `ingest.pdf.${producer}.pdftotextCpuMsPerReport`,
      value: round2(poppler),
      unit: 'ms CPU/report',
      what: `pdftotext -layout (poppler-utils) on the same files in the same bench run, one process per file, CPU of the child processes; start-up included (what a pipeline built on it pays per file): about ${round2(startup)} ms of it, measured as \`pdftotext -v\``,
    },
    {
      name: `ingest.pdf.${producer}.vsPdftotext`,
      value: round2(ours / poppler),
      unit: '×',
      what: `CPU per report of reading (reader process) and checking (${round2(ours)} ms) divided by that of pdftotext -layout (${round2(poppler)} ms) on the same files; goal at most 3`,
    },
  ];
}

/** GONGKAI_BENCH_INGEST=pdf.wps,page runs only the groups named (a quick before/after comparison). */
const ONLY = process.env.GONGKAI_BENCH_INGEST?.split(',').filter(Boolean) ?? null;
const wanted = (id: string) => ONLY === null || ONLY.includes(id);

const FIXTURE_PRODUCERS: Record<FixtureProducer, string> = {
  wps: 'written in the shape of WPS 文字 PDFs (Type0 Identity-H fonts with Identity-V twins, embedded TrueType subsets, WinAnsi Latin without ToUnicode, runs of 1–3 glyphs each placed by Tm, rules as thin filled rectangles)',
  word: 'written in the shape of Word “另存为 PDF” (Identity-H CIDFontType2 with ToUnicode, WinAnsi Latin without ToUnicode, tagged, rules as lines)',
  jisu: 'written in the shape of 极速PDF (non-embedded SimSun/SimHei over GBK-EUC-H and UniGB-UCS2-H, Adobe-GB1, no ToUnicode)',
};

export async function measures(): Promise<Measure[]> {
  const reports = benchReports(TEXT_CORPUS);
  const corpus = (format: CorpusFormat, count = TEXT_CORPUS) => corpusFiles(format, reports.slice(0, count));
  const generated = `${TEXT_CORPUS} generated reports with a real narrative`;
  const out: Measure[] = [];
  for (const format of ['txt', 'md', 'html', 'docx'] as const) {
    if (!wanted(format)) continue;
    const what = {
      txt: `the tab-separated text export of ${generated}`,
      md: `renderMarkdown output of ${generated}`,
      html: `renderHtml output of ${generated}`,
      docx: `renderDocx output (docx package) of ${generated}`,
    }[format];
    out.push(...measure(format, await corpus(format), what).measures);
  }
  if (wanted('page')) out.push(...(await measurePages(await corpus('page', PAGE_CORPUS))));
  if (wanted('pdf.chromium'))
    out.push(
      ...measurePdf(
        'chromium',
        await corpus('pdf', PDF_CORPUS),
        `${PDF_CORPUS} PDFs printed by headless Chromium (PdfRenderer) from the first ${PDF_CORPUS} of the generated reports, ` +
          'Noto CJK embedded as hundreds of Type 3 fonts with a glyph program per character',
      ),
    );
  if (wanted('pdf.libreoffice'))
    out.push(
      ...measurePdf(
        'libreoffice',
        rounds(libreOfficeFixturePdfs()),
        `the ${libreOfficeFixturePdfs().length} LibreOffice PDFs of test/fixtures/documents (soffice --convert-to pdf), ${FIXTURE_ROUNDS} reads each ` +
          '(embedded subset Type 1 and TrueType fonts with ToUnicode maps)',
      ),
    );
  for (const producer of ['wps', 'word', 'jisu'] as const) {
    if (!wanted(`pdf.${producer}`)) continue;
    const files = producerFixturePdfs(producer);
    out.push(
      ...measurePdf(
        producer,
        rounds(files),
        `the ${files.length} PDFs of test/fixtures/producers/*.${producer}.pdf, ${FIXTURE_ROUNDS} reads each, ${FIXTURE_PRODUCERS[producer]}`,
      ),
    );
  }
  if (wanted('mixed')) out.push(await measureMixed(corpus));
  // Scanned reports (image-only PDFs and page images) are read by OCR: their own measures.
  if (wanted('scanned')) out.push(...(await scanned.measures()));
  return out;
}

function rounds(files: string[]): string[] {
  return Array.from({ length: FIXTURE_ROUNDS }, () => files).flat();
}

/** Real-size agency pages, and the same pages through a plain htmlparser2 parse in the same run. */
async function measurePages(files: string[]): Promise<Measure[]> {
  const { measures, outcome } = measure(
    'page',
    files,
    `${files.length} real-size agency pages (renderHtml's article inside ~100 KB of CMS page: head scripts and styles, a three-level navigation menu, sidebar and footer link lists, inline scripts)`,
  );
  const plain = measureMedian(files, 'htmlparser2');
  const ours = outcome.cpuMs / outcome.reports;
  const baseline = plain.cpuMs / plain.reports;
  return [
    ...measures,
    {
      name: 'ingest.page.readerCpuMsPerReport',
      value: round2(outcome.readerCpuMs / outcome.reports),
      unit: 'ms CPU/report',
      what: `the reader process's part of cpuMsPerReport in the same run (reading, its side of the IPC); the calling process's part (checkReport, its side of the IPC) is ${round2((outcome.cpuMs - outcome.readerCpuMs) / outcome.reports)} ms`,
    },
    {
      name: 'ingest.page.htmlparser2CpuMsPerReport',
      value: round2(baseline),
      unit: 'ms CPU/report',
      what: 'htmlparser2 parseDocument + every text node joined, over the same pages in a fresh process on one core in the same bench run (median of 3 runs)',
    },
    {
      name: 'ingest.page.vsHtmlparser2',
      value: round2(ours / baseline),
      unit: '×',
      what: `CPU per page of reading (reader process) and checking (${round2(ours)} ms) divided by that of a plain htmlparser2 parse and text extraction in one process (${round2(baseline)} ms); goal at most 1.5`,
    },
  ];
}

/** One process reading a batch of every kind of document in turn: its peak memory. */
async function measureMixed(
  corpus: (format: CorpusFormat, count?: number) => Promise<string[]>,
): Promise<Measure> {
  const groups = [
    await corpus('txt'),
    await corpus('md'),
    await corpus('html'),
    await corpus('docx'),
    await corpus('page', PAGE_CORPUS),
    // Chromium's own fixture PDFs: the batch is about memory, and needs no 200 renderings.
    fixturePdfs('chromium'),
    libreOfficeFixturePdfs(),
    producerFixturePdfs('wps'),
    producerFixturePdfs('word'),
    producerFixturePdfs('jisu'),
  ];
  const files = Array.from({ length: MIXED_BATCH }, (_, i) => {
    const group = groups[i % groups.length]!;
    return group[Math.floor(i / groups.length) % group.length]!;
  });
  const outcome = measureInProcess(files);
  return {
    name: 'ingest.mixed.peakRssMiB',
    value: outcome.peakRssMiB,
    unit: 'MiB',
    what: `peak RSS of the process tree (the calling process plus its reader process) reading and checking ${MIXED_BATCH} documents in turn (txt, md, html, docx, real-size pages, and the fixture PDFs of Chromium, LibreOffice, WPS, Word and 极速PDF, ${MIXED_BATCH / groups.length} of each) at ${Math.round((outcome.reports / outcome.wallMs) * 1000)} reports/s (calling process ${outcome.callerPeakRssMiB} MiB, reader process ${outcome.readerPeakRssMiB} MiB); goal under 300 MB (286 MiB)`,
    peakRssMiB: outcome.peakRssMiB,
  };
}
