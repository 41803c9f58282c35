import { readdirSync, readFileSync } from 'node:fs';
import { TABLE3_ROW_KEYS, TABLE3_ROW_LABELS } from '../src/core/report/labels.ts';
import { checkReport } from '../src/documents/check-report.ts';
import { readReportDocument } from '../src/documents/ingest/read-document.ts';
import { type Measure, peakRssMiB } from './measure.ts';

/**
 * Crawled plain text (issue 17): the one-cell-per-line and concatenated fixtures of
 * test/fixtures/crawled read and checked, and a hostile concatenated report whose every digit run
 * is as long and as ambiguous as the splitter allows, to show its search stays bounded.
 */
const DIR = new URL('../test/fixtures/crawled/', import.meta.url);
const ROUNDS = 20;

async function readAll(files: Array<{ name: string; bytes: Uint8Array }>, rounds: number) {
  for (const f of files.slice(0, 3)) await readReportDocument(f.bytes, f.name); // warm-up
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let r = 0; r < rounds; r += 1) {
    for (const f of files) {
      const ingest = await readReportDocument(f.bytes, f.name);
      checkReport(ingest.report, ingest);
    }
  }
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { reads: rounds * files.length, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Deterministic pseudo-random digits (no leading zero): digit runs with many possible splits. */
function digits(count: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < count; i += 1) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += String(i === 0 ? 1 + (x % 9) : x % 10);
  }
  return out;
}

/**
 * seed-004's concatenated text with every table-三 row a run of 24 digits and table 四 a run of
 * 60: the longest runs the splitter searches (7 cells of up to 7 digits), with no split that fits.
 */
function hostile(): Uint8Array {
  let text = readFileSync(new URL('seed-004.concat.txt', DIR), 'utf8');
  let replaced = 0;
  TABLE3_ROW_KEYS.forEach((key, i) => {
    const label = TABLE3_ROW_LABELS[key].replace(/^\d+\./, '').replace(/\s/g, '');
    const at = text.indexOf(label);
    if (at < 0) return;
    const end = at + label.length;
    const run = /^\d*/.exec(text.slice(end))![0].length;
    text = `${text.slice(0, end)}${digits(24, i + 1)}${text.slice(end + run)}`;
    replaced += 1;
  });
  text = text.replace(/(尚未审结总计)\d+/, `$1${digits(60, 99)}`);
  if (replaced < 20) throw new Error(`hostile report: only ${replaced} rows replaced`);
  return new TextEncoder().encode(text);
}

export async function measures(): Promise<Measure[]> {
  const load = (pattern: RegExp) =>
    readdirSync(DIR)
      .filter((f) => pattern.test(f))
      .sort()
      .map((name) => ({ name, bytes: readFileSync(new URL(name, DIR)) }));
  const cellPerLine = load(/\.(soup|cells|cells-cr)\.txt$/);
  const concat = load(/\.concat\.txt$/);
  const lines = await readAll(cellPerLine, ROUNDS);
  const joined = await readAll(concat, ROUNDS);
  const worst = await readAll([{ name: 'hostile.txt', bytes: hostile() }], 5);
  return [
    {
      name: 'crawled.cellPerLine.reportsPerSecond',
      value: Math.round((lines.reads / lines.wallMs) * 1000),
      unit: 'reports/s',
      what: `readReportDocument + checkReport of the ${cellPerLine.length} one-cell-per-line crawled fixtures, ${ROUNDS} rounds, one core`,
      peakRssMiB: peakRssMiB(),
    },
    {
      name: 'crawled.concatenated.reportsPerSecond',
      value: Math.round((joined.reads / joined.wallMs) * 1000),
      unit: 'reports/s',
      what: `readReportDocument + checkReport of the ${concat.length} concatenated crawled fixtures (digit runs split by the tables' arithmetic), ${ROUNDS} rounds, one core`,
      peakRssMiB: peakRssMiB(),
    },
    {
      name: 'crawled.concatenated.worstCaseMsPerReport',
      value: Math.round((worst.cpuMs / worst.reads) * 10) / 10,
      unit: 'ms CPU/report',
      what: 'a hostile concatenated report: every table-三 row a run of 24 pseudo-random digits and table 四 60, the longest runs the splitter searches (process CPU time per read + check)',
      peakRssMiB: peakRssMiB(),
    },
  ];
}
