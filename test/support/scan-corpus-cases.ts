import type { Report } from '../../src/core/report/schema.ts';
import { generateValidReport } from './generate-report.ts';
import type { PrintedLabels } from './printed-extras.ts';
import { SCAN_DEFECT_KINDS, SCAN_DPIS, type ScanDefects, scanDefectsOf } from './scan-corpus.ts';
import { loadSeedReport, SEED_NAMES, type SeedName } from './seeds.ts';

/** One report of the scanned corpus: what to print, how to degrade it, and the seed of its randomness. */
export interface ScanCase {
  /** File-name stem: "seed-002-300dpi-seal", "gen-7-150dpi-all". */
  name: string;
  truth: Report;
  defects: ScanDefects;
  seed: number;
  /** Table 三 captions the report printed otherwise than the form (a seed's own, DOMAIN.md §E). */
  printedLabels: PrintedLabels;
}

/** The seeds' row captions that differ from the form, as each printed them (DOMAIN.md §E). */
const SEED_PRINTED_LABELS: Partial<Record<SeedName, PrintedLabels>> = {
  // 003-W1, line 60: 法规 for 行政法规.
  '003': { 'denied.lawForbidden': '2.其他法律法规禁止公开' },
};

export interface ScanCorpusOptions {
  /** Generated valid reports besides the five seeds (default 12). */
  generated?: number;
  /** Include the five seed reports, with their known defects (default true). */
  seeds?: boolean;
}

/**
 * The scanned corpus: the five seeds (their known defects must still be found when read from scans,
 * DOMAIN.md §E) and generated valid reports of growing magnitudes (one- to four-digit cells), each
 * with one resolution and one kind of defect, taken in turn so that every resolution meets every
 * kind as the corpus grows (6 kinds × 3 resolutions: 18 cases cover every pair).
 */
export function scanCorpusCases(options: ScanCorpusOptions = {}): ScanCase[] {
  const cases: ScanCase[] = [];
  const add = (stem: string, truth: Report, index: number, printedLabels: PrintedLabels = {}) => {
    const kind = SCAN_DEFECT_KINDS[index % SCAN_DEFECT_KINDS.length]!;
    const dpi = SCAN_DPIS[Math.floor(index / SCAN_DEFECT_KINDS.length) % SCAN_DPIS.length]!;
    const seed = 1000 + index;
    const defects = scanDefectsOf(kind, dpi, seed);
    cases.push({ name: `${stem}-${dpi}dpi-${kind}`, truth, defects, seed, printedLabels });
  };
  let index = 0;
  if (options.seeds !== false) {
    for (const name of SEED_NAMES) {
      add(`seed-${name}`, loadSeedReport(name), index++, SEED_PRINTED_LABELS[name]);
    }
  }
  const scales = [5, 40, 300, 2000];
  for (let n = 1; n <= (options.generated ?? 12); n += 1) {
    add(`gen-${n}`, generateValidReport(n, { scale: scales[n % scales.length]! }), index++);
  }
  return cases;
}
