import { readFileSync } from 'node:fs';
import { parseReport } from '../../src/core/report/parse-report.ts';
import type { Report } from '../../src/core/report/schema.ts';

/**
 * The five seed reports (copies of shared/seeds/<name>_*.txt kept as test/fixtures/seeds/<name>.txt)
 * and their hand-written gongkai-report/1 truth (<name>.report.json).
 */
export const SEED_NAMES = ['000', '001', '002', '003', '004'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export function loadSeedReport(name: SeedName): Report {
  const url = new URL(`../fixtures/seeds/${name}.report.json`, import.meta.url);
  return parseReport(JSON.parse(readFileSync(url, 'utf8')));
}

export function seedTextPath(name: SeedName): string {
  return new URL(`../fixtures/seeds/${name}.txt`, import.meta.url).pathname;
}

/** The report's numbers, nulls, sections and extras, without provenance and quoted source text. */
export function comparable(report: Report): unknown {
  const { provenance: _provenance, ...rest } = report;
  const extras = rest.extras ?? { cells: [], rows: [] };
  return {
    ...rest,
    extras: {
      cells: extras.cells.map(({ source: _s, ...c }) => c),
      rows: extras.rows.map(({ source: _s, ...r }) => r),
    },
  };
}
