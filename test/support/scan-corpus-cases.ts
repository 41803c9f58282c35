import type { Report } from '../../src/core/report/schema.ts';
import { generateValidReport } from './generate-report.ts';
import { SCAN_DEFECT_KINDS, SCAN_DPIS, type ScanDefects, scanDefectsOf } from './scan-corpus.ts';
import { loadSeedReport, SEED_NAMES } from './seeds.ts';

/** One report of the scanned corpus: what to print, how to degrade it, and the seed of its randomness. */
export interface ScanCase {
  /** File-name stem: "seed-002-300dpi-seal", "gen-7-150dpi-all". */
  name: string;
  truth: Report;
  defects: ScanDefects;
  seed: number;
}

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
  const add = (stem: string, truth: Report, index: number) => {
    const kind = SCAN_DEFECT_KINDS[index % SCAN_DEFECT_KINDS.length]!;
    const dpi = SCAN_DPIS[Math.floor(index / SCAN_DEFECT_KINDS.length) % SCAN_DPIS.length]!;
    const seed = 1000 + index;
    cases.push({ name: `${stem}-${dpi}dpi-${kind}`, truth, defects: scanDefectsOf(kind, dpi, seed), seed });
  };
  let index = 0;
  if (options.seeds !== false) {
    for (const name of SEED_NAMES) add(`seed-${name}`, loadSeedReport(name), index++);
  }
  const scales = [5, 40, 300, 2000];
  for (let n = 1; n <= (options.generated ?? 12); n += 1) {
    add(`gen-${n}`, generateValidReport(n, { scale: scales[n % scales.length]! }), index++);
  }
  return cases;
}
