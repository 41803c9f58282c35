import { TABLE4_COLUMNS, TABLE4_GROUP_KEYS } from '../../../core/report/labels.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { violation } from '../../../core/rules/make-finding.ts';
import type { SourceLine } from '../source-document.ts';
import { quoteCandidates, row, UNDECIDED } from './concatenated-cells.ts';
import { type SplitResult, splitBySums } from './split-digits.ts';

/** Most digits of a number printed after table 四's fifteen (an extra column some reports add). */
const MAX_EXTRA_DIGITS = 7;

/**
 * Table 四's data row from a concatenated text: its digit run split into the three groups of five
 * whose last number is their sum (总计). When no split of all the digits fits but exactly one split
 * of all but the last few does, those last digits are one more number the report printed after the
 * fifteen (seed 004 prints a sixteenth 0): kept as an extra cell, like every reader keeps it.
 */
export function readTable4(body: string, lines: SourceLine[], findings: Finding[]): void {
  // The data row follows the header words; what comes after it (a note, the next section) is not table 四.
  const digits = /\d+/.exec(body)?.[0] ?? '';
  if (digits === '') return;
  const width = TABLE4_COLUMNS.length;
  const groups = TABLE4_GROUP_KEYS.length;
  const { candidates, capped } = splitBySums(digits, groups, width, 10);
  if (candidates.length === 1 && !capped) {
    lines.push(row('总计', candidates[0]!.map(String), true, 2));
    return;
  }
  const extra = candidates.length === 0 && !capped ? withExtraNumber(digits, groups * width) : null;
  if (extra) {
    lines.push(row('总计', [...extra.cells.map(String), extra.extra], true, 2));
    return;
  }
  lines.push(row('总计', Array<string>(width * groups).fill(UNDECIDED), false, 2));
  findings.push(
    violation(
      'T4-04',
      `表四的数字连在一起（“${digits}”），无法按勾稽关系唯一拆分为十五个数，按空白处理；${quoteCandidates(candidates, capped)}`,
      { table: 'table4', source: { line: 1, text: digits } },
      'warning',
    ),
  );
}

/** The one reading of `digits` as the fifteen numbers and one more after them, or null. */
function withExtraNumber(digits: string, cells: number): { cells: number[]; extra: string } | null {
  const readings: Array<{ cells: number[]; extra: string }> = [];
  for (let cut = digits.length - 1; cut >= Math.max(cells, digits.length - MAX_EXTRA_DIGITS); cut -= 1) {
    const extra = digits.slice(cut);
    if (!/^(0|[1-9]\d*)$/.test(extra)) continue;
    const split: SplitResult = splitBySums(
      digits.slice(0, cut),
      TABLE4_GROUP_KEYS.length,
      TABLE4_COLUMNS.length,
      2,
    );
    if (split.capped) return null;
    for (const c of split.candidates) readings.push({ cells: c, extra });
    if (readings.length > 1) return null;
  }
  return readings.length === 1 ? readings[0]! : null;
}
