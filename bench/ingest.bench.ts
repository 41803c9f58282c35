import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkReport } from '../src/documents/check-report.ts';
import { readReportDocument } from '../src/documents/ingest/read-document.ts';
import { loadDocumentsConfig } from '../src/server/config.ts';
import { type CorpusFormat, corpusFiles, libreOfficeFixturePdfs } from './corpus-documents.ts';
import { benchReports } from './corpus-reports.ts';
import { type Measure, peakRssMiB } from './measure.ts';
import * as scanned from './scanned.bench.ts';

const TEXT_CORPUS = 1_000;
const PDF_CORPUS = 200;
/** Each LibreOffice fixture PDF is read this many times (11 files → 220 reads). */
const LIBREOFFICE_ROUNDS = 20;
/** Documents read before timing starts: loads the readers (pdfjs) and warms the JIT. */
const WARM_UP = 5;

/** What a measuring process is given (on stdin) and gives back (last line of stdout). */
interface Job {
  files: string[];
}
interface Outcome {
  reports: number;
  wallMs: number;
  cpuMs: number;
  findings: number;
  peakRssMiB: number;
}

/**
 * Reads and checks every file of the job, one after another, and times only that: each file is
 * read from disk before its clock starts. CPU time is the process's (all threads), so a shared
 * machine's other load does not count against it the way it does against wall time.
 */
async function runJob(job: Job): Promise<Outcome> {
  const readOptions = { pdfReader: loadDocumentsConfig().pdfReader };
  const readAndCheck = async (file: string, bytes: Uint8Array): Promise<number> => {
    const ingest = await readReportDocument(bytes, basename(file), readOptions);
    return checkReport(ingest.report, ingest).length;
  };
  for (const file of job.files.slice(0, WARM_UP)) await readAndCheck(file, readFileSync(file));
  let wallMs = 0;
  let cpuMs = 0;
  let findings = 0;
  for (const file of job.files) {
    const bytes = readFileSync(file);
    const cpu = process.cpuUsage();
    const start = performance.now();
    findings += await readAndCheck(file, bytes);
    wallMs += performance.now() - start;
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
  }
  return { reports: job.files.length, wallMs, cpuMs, findings, peakRssMiB: peakRssMiB() };
}

/**
 * Each format is measured this many times, each in its own process, and the run with the median
 * wall time is reported: on a shared virtual machine one run can be a third slower than the next.
 */
const RUNS = 3;

/** The run with the median wall time of RUNS runs of a job, each in a fresh process. */
function measureMedian(files: string[]): Outcome {
  const outcomes = Array.from({ length: RUNS }, () => measureInProcess(files));
  outcomes.sort((a, b) => a.wallMs - b.wallMs);
  return outcomes[Math.floor(RUNS / 2)]!;
}

/** Runs a job in a fresh Node process: its peak memory is that format's alone, its JIT cold. */
function measureInProcess(files: string[]): Outcome {
  const output = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    input: JSON.stringify({ files } satisfies Job),
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

function measure(id: string, files: string[], what: string): Measure[] {
  const outcome = measureMedian(files);
  const perSecond = (outcome.reports / outcome.wallMs) * 1000;
  return [
    {
      name: `ingest.${id}.reportsPerSecond`,
      value: perSecond >= 100 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10,
      unit: 'reports/s',
      what: `readReportDocument + checkReport, one after another on one core in a fresh process (median of ${RUNS} such runs), over ${what}; ${describe(files)}; peak memory is that process's RSS`,
      peakRssMiB: outcome.peakRssMiB,
    },
    {
      name: `ingest.${id}.cpuMsPerReport`,
      value: Math.round((outcome.cpuMs / outcome.reports) * 100) / 100,
      unit: 'ms CPU/report',
      what: 'process CPU time (user + system) per report in the same run, counting every thread: V8 compiles and collects garbage on helper threads beside the one reading, so this exceeds the wall time per report on a machine with a second core',
    },
  ];
}

export async function measures(): Promise<Measure[]> {
  const reports = benchReports(TEXT_CORPUS);
  const corpus = (format: CorpusFormat, count = TEXT_CORPUS) => corpusFiles(format, reports.slice(0, count));
  const generated = `${TEXT_CORPUS} generated reports with a real narrative`;
  return [
    ...measure('txt', await corpus('txt'), `the tab-separated text export of ${generated}`),
    ...measure('md', await corpus('md'), `renderMarkdown output of ${generated}`),
    ...measure('html', await corpus('html'), `renderHtml output of ${generated}`),
    ...measure('docx', await corpus('docx'), `renderDocx output (docx package) of ${generated}`),
    ...measure(
      'pdf.chromium',
      await corpus('pdf', PDF_CORPUS),
      `${PDF_CORPUS} PDFs printed by headless Chromium (PdfRenderer) from the first ${PDF_CORPUS} of the generated reports, ` +
        'Noto CJK embedded as hundreds of Type 3 fonts with a glyph program per character',
    ),
    ...measure(
      'pdf.libreoffice',
      Array.from({ length: LIBREOFFICE_ROUNDS }, libreOfficeFixturePdfs).flat(),
      `the ${libreOfficeFixturePdfs().length} LibreOffice PDFs of test/fixtures/documents, ${LIBREOFFICE_ROUNDS} reads each ` +
        '(embedded subset Type 1 and TrueType fonts with ToUnicode maps, the kind office suites export)',
    ),
    // Scanned reports (image-only PDFs and page images) are read by OCR: their own measures.
    ...(await scanned.measures()),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const job = JSON.parse(readFileSync(0, 'utf8')) as Job;
  process.stdout.write(`${JSON.stringify(await runJob(job))}\n`);
}
