/**
 * The year the “new draft” form proposes: the last complete year (its report is due on 31 January),
 * unless the agency already has a report of it — then the current year, whose records are coming in.
 */
export function proposedReportYear(existingYears: readonly number[], thisYear: number): number {
  return existingYears.includes(thisYear - 1) ? thisYear : thisYear - 1;
}
