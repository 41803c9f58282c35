import { describe, expect, it } from 'vitest';
import { proposedReportYear } from './proposed-report-year.ts';

describe('proposedReportYear', () => {
  it('proposes last year while its report does not exist yet', () => {
    expect(proposedReportYear([], 2026)).toBe(2025);
    expect(proposedReportYear([2024], 2026)).toBe(2025);
  });

  it('proposes the current year once last year has a report', () => {
    expect(proposedReportYear([2025, 2024], 2026)).toBe(2026);
  });
});
