import type { Finding } from './finding.ts';

/** How many findings of each severity a check gave; `notAssessable` counts across severities. */
export interface FindingSummary {
  errors: number;
  warnings: number;
  infos: number;
  notAssessable: number;
}

/** The counts printed by `gongkai check` and returned by the check API. */
export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    notAssessable: findings.filter((f) => !f.assessable).length,
  };
}
