import type { AgencyKind } from '../organisation/agency.ts';
import type { MergedCarryForward } from '../rules/cross-rules.ts';
import { type Finding, sortFindings } from '../rules/finding.ts';
import { checkNarrative } from '../rules/narrative/check-narrative.ts';
import { validateReport } from '../rules/validate-report.ts';
import { checkPublicationForAgency } from './publication-deadline.ts';
import type { Report } from './schema.ts';

export interface StoredReportFindingsOptions {
  /** The agency's kind: which publication deadline applies (P-01). */
  agencyKind: AgencyKind;
  /** The agency's report of the previous year, when there is one (Y-01, Y-02, X-01, X-02). */
  previous?: Report;
  /** The agencies merged into this one during the report's year, with last year's 结转 (Y-01). */
  merged?: readonly MergedCarryForward[];
}

/**
 * Every rule over a report kept by the system (no source document): the data rules, the
 * narrative rules, and P-01 against the deadline of the agency's kind. Sorted errors first.
 */
export function storedReportFindings(report: Report, options: StoredReportFindingsOptions): Finding[] {
  const data = validateReport(report, {
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.merged ? { merged: options.merged } : {}),
  }).filter((f) => f.ruleId !== 'P-01');
  return sortFindings([
    ...data,
    ...checkPublicationForAgency(report.year, options.agencyKind, report.publishedOn),
    ...checkNarrative(report),
  ]);
}

/** Counts of assessable errors and warnings (what a list shows without validating again). */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (!f.assessable) continue;
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
  }
  return { errors, warnings };
}
