import { readFileSync } from 'node:fs';
import { parseReport } from '../../src/core/report/parse-report.ts';
import type { Report } from '../../src/core/report/schema.ts';

export const SEED_NAMES = ['000', '001', '002', '003', '004'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

/** The hand-written gongkai-report/1 fixture of a seed report (shared/seeds/<name>_*.txt). */
export function loadSeedReport(name: SeedName): Report {
  const url = new URL(`../fixtures/seeds/${name}.report.json`, import.meta.url);
  return parseReport(JSON.parse(readFileSync(url, 'utf8')));
}
