import type { Report } from '../report/schema.ts';
import {
  checkCarryOver,
  checkCasesWithoutApplications,
  checkLitigationAfterReview,
  checkStockAcrossYears,
  type MergedCarryForward,
} from './cross-rules.ts';
import { type Finding, sortFindings } from './finding.ts';
import { checkPeriod, checkPublicationDate } from './meta-rules.ts';
import { checkTable2Of2019 } from './table2-2019-rules.ts';
import { checkTable2 } from './table2-rules.ts';
import { checkTable3 } from './table3-rules.ts';
import { checkTable4 } from './table4-rules.ts';

export interface ValidateOptions {
  /** The same agency's report for the previous year: enables Y-01 and the cross-year part of Y-02. */
  previous?: Report;
  /** The agencies merged into this one during the report's year, with last year's 结转 (Y-01). */
  merged?: readonly MergedCarryForward[];
}

/**
 * Applies every data rule of DOMAIN.md §F (S-02, T2-*, T3-*, T4-*, Y-*, X-*, P-01) to a report.
 * Pure: the result depends only on the arguments. Findings are sorted errors first.
 */
export function validateReport(report: Report, options: ValidateOptions = {}): Finding[] {
  const { previous, merged } = options;
  return sortFindings([
    ...checkPeriod(report),
    // Each format has its own table 二 and its rules (DOMAIN.md §A.7: no §A.2 rules on a 2019 report).
    ...(report.formatVersion === '2019' ? checkTable2Of2019(report) : checkTable2(report)),
    ...checkTable3(report),
    ...checkTable4(report),
    ...checkCarryOver(report, previous, merged),
    ...checkStockAcrossYears(report, previous),
    ...checkCasesWithoutApplications(report, previous),
    ...checkLitigationAfterReview(report, previous),
    ...checkPublicationDate(report),
  ]);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error' && f.assessable);
}
