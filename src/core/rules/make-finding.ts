import type { Cell } from '../report/schema.ts';
import { ruleById } from './catalogue.ts';
import type { Finding, FindingLocation, Severity } from './finding.ts';

export function violation(
  ruleId: string,
  message: string,
  location: FindingLocation,
  severity?: Severity,
): Finding {
  return { ruleId, severity: severity ?? ruleById(ruleId).severity, assessable: true, message, location };
}

/** A rule that could not be assessed: never a pass. Reported as info. */
export function notAssessable(ruleId: string, message: string, location: FindingLocation): Finding {
  return { ruleId, severity: 'info', assessable: false, message: `无法核验：${message}`, location };
}

/** Sum of cells, or null when any is blank (the sum cannot be known). */
export function sumCells(values: readonly Cell[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

export function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/** Prints a cell as the document would: blank as “空白”. */
export function showCell(value: Cell): string {
  return value === null ? '空白' : String(value);
}
