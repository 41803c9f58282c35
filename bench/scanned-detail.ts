/**
 * A smaller run of the scanned corpus than `npm run bench -- scanned`, for working on the reader:
 * `node bench/scanned-detail.ts DIR [--generated N] [--only REGEX]` prints the corpus once
 * into DIR (kept between runs: the same cases as the bench, scanCorpusCases), then reads every
 * case in this process and prints, per case, its cells exact, each wrong cell (flagged or silent),
 * the findings that blame the agency although the printed report does not have them (invented)
 * or that the printed report has and the scan lost (hidden), and its wall and CPU seconds with
 * the child processes' CPU (Tesseract, pdftoppm). Run it pinned (taskset -c 0, OMP_THREAD_LIMIT=1)
 * to measure one core.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../src/core/report/schema.ts';
import type { Finding } from '../src/core/rules/finding.ts';
import { checkReport } from '../src/documents/check-report.ts';
import { readReportDocument } from '../src/documents/ingest/read-document.ts';
import { PdfRenderer } from '../src/documents/render/render-pdf.ts';
import { scannedPdf, scannedZip, scanReport } from '../test/support/scan-corpus.ts';
import { scanCorpusCases } from '../test/support/scan-corpus-cases.ts';
import { addScores, type CellScore, scoreCells, wrongCells } from './scanned-accuracy.ts';

const args = process.argv.slice(2);
const dir = args[0] ?? '/tmp/gongkai-scan-corpus';
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const generated = Number(option('--generated') ?? 13);
const only = option('--only');

/** CPU seconds of this process and of its waited-for children (/proc/self/stat utime stime cutime cstime). */
function cpuSeconds(): { self: number; children: number } {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const tick = 100;
  return {
    self: (Number(fields[11]) + Number(fields[12])) / tick,
    children: (Number(fields[13]) + Number(fields[14])) / tick,
  };
}

/** Rule ids of the findings that judge the agency's report (not the reader's own OCR-xx). */
function blames(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => !f.ruleId.startsWith('OCR') && f.severity !== 'info')
    .map((f) => `${f.ruleId}@${f.location.table ?? ''}:${f.location.rowKey ?? f.location.rowLabel ?? ''}`);
}

mkdirSync(dir, { recursive: true });
let renderer: PdfRenderer | null = null;
const files: { name: string; path: string; truth: Report; kind: string; dpi: number }[] = [];
for (const [index, c] of scanCorpusCases({ generated }).entries()) {
  if (only && !new RegExp(only).test(c.name)) continue;
  const wrapping = index % 3 === 2 ? 'zip' : 'pdf';
  const path = join(dir, `${c.name}.${wrapping}`);
  if (!existsSync(path)) {
    renderer ??= await PdfRenderer.launch();
    const scan = await scanReport(renderer, c.truth, c.defects, c.seed, c.printedLabels);
    writeFileSync(path, wrapping === 'pdf' ? scannedPdf(scan) : await scannedZip(scan, 'jpg'));
  }
  files.push({ name: c.name, path, truth: c.truth, kind: c.defects.kind, dpi: c.defects.dpi });
}
await renderer?.close();

const scores: { kind: string; dpi: number; score: CellScore }[] = [];
let pagesRead = 0;
let wallTotal = 0;
let cpuTotal = 0;
for (const file of files) {
  const bytes = readFileSync(file.path);
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const ingest = await readReportDocument(bytes, file.path.split('/').at(-1)!);
  const findings = [...ingest.findings, ...checkReport(ingest.report, ingest)];
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds();
  const cpu = cpu1.self - cpu0.self + cpu1.children - cpu0.children;
  const score = scoreCells(file.truth, ingest.report, findings);
  scores.push({ kind: file.kind, dpi: file.dpi, score });
  const pages = ingest.scan?.pages ?? 0;
  pagesRead += pages;
  wallTotal += wall;
  cpuTotal += cpu;
  const truthBlames = new Set(blames(checkReport(file.truth)));
  const readBlames = new Set(blames(findings));
  const invented = [...readBlames].filter((b) => !truthBlames.has(b));
  const hidden = [...truthBlames].filter((b) => !readBlames.has(b));
  console.log(
    `${file.name}: ${score.exact}/${score.cells} exact, ${score.flaggedWrong} flagged, ${score.unflaggedWrong} SILENT; ${pages} pages ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU (children ${(cpu1.children - cpu0.children).toFixed(1)})`,
  );
  for (const w of wrongCells(file.truth, ingest.report, findings)) {
    console.log(
      `  ${w.flagged ? 'flagged' : 'SILENT '} ${w.table} ${w.row}[${w.column}] printed ${w.printed} read ${w.read}`,
    );
  }
  if (invented.length > 0) console.log(`  INVENTED ${invented.join(' ')}`);
  if (hidden.length > 0) console.log(`  HIDDEN ${hidden.join(' ')}`);
}
const line = (label: string, list: typeof scores) => {
  if (list.length === 0) return;
  const t = addScores(list.map((s) => s.score));
  console.log(
    `${label}: ${((t.exact / t.cells) * 100).toFixed(2)}% exact (${t.exact}/${t.cells}), ${t.flaggedWrong} flagged, ${t.unflaggedWrong} silent`,
  );
};
line('overall', scores);
for (const dpi of [150, 200, 300])
  line(
    `${dpi} dpi`,
    scores.filter((s) => s.dpi === dpi),
  );
for (const kind of ['clean', 'skew', 'noise', 'jpeg', 'seal', 'all'])
  line(
    kind,
    scores.filter((s) => s.kind === kind),
  );
console.log(
  `${pagesRead} pages: ${(wallTotal / pagesRead).toFixed(2)} s wall/page, ${(cpuTotal / pagesRead).toFixed(2)} s CPU/page incl. children; 6 pages ≈ ${((6 * cpuTotal) / pagesRead).toFixed(1)} s CPU`,
);
