/**
 * Splitting a run of digits that crawled text printed without separators ("21710000218") into
 * the cells of a table row, by the row's own arithmetic. Numbers have no leading zeros ("0" is a
 * cell, "05" is not); every split is enumerated with pruning, and the work is capped so a hostile
 * digit string cannot take long: past the cap the split is reported as undecidable.
 */

/** Most digits one cell may have (a table-三 count or a table-四 count of one agency). */
const MAX_CELL_DIGITS = 7;
/** Most enumeration steps for one digit string. */
export const MAX_SPLIT_STEPS = 200_000;

export interface SplitResult {
  /** Every split satisfying the arithmetic (at most `limit` kept). */
  candidates: number[][];
  /** True when the cap on the work was reached: the candidates may be incomplete. */
  capped: boolean;
}

const parseCell = (digits: string, from: number, to: number): number | null => {
  if (to - from > 1 && digits.charCodeAt(from) === 0x30) return null;
  return Number(digits.slice(from, to));
};

/**
 * Splits `digits` into groups of `width` numbers (groups × width cells in all) where in every
 * group the last number is the sum of the others (a row's 总计 after its columns). Returns the
 * splits that satisfy every group, up to `limit` of them.
 */
export function splitBySums(digits: string, groups: number, width: number, limit = 10): SplitResult {
  const candidates: number[][] = [];
  let steps = 0;
  let capped = false;
  const cells: number[] = [];
  const total = groups * width;

  function walk(at: number, inGroup: number, sum: number): void {
    if (capped || candidates.length >= limit) return;
    steps += 1;
    if (steps > MAX_SPLIT_STEPS) {
      capped = true;
      return;
    }
    const left = total - cells.length;
    const remaining = digits.length - at;
    if (left === 0) {
      if (remaining === 0) candidates.push([...cells]);
      return;
    }
    if (remaining < left || remaining > left * MAX_CELL_DIGITS) return;
    if (inGroup === width - 1) {
      // The group's total is the sum of its cells: only one length can match.
      const printed = String(sum);
      if (!digits.startsWith(printed, at)) return;
      cells.push(sum);
      walk(at + printed.length, 0, 0);
      cells.pop();
      return;
    }
    for (let len = 1; len <= Math.min(MAX_CELL_DIGITS, remaining - (left - 1)); len += 1) {
      const value = parseCell(digits, at, at + len);
      if (value === null) break; // a leading zero: no longer cell starting here is valid either
      if (value > 10 ** MAX_CELL_DIGITS) break;
      cells.push(value);
      walk(at + len, inGroup + 1, sum + value);
      cells.pop();
    }
  }
  if (groups === 1) return splitRowBySum(digits, width, limit);
  walk(0, 0, 0);
  return { candidates, capped };
}

/**
 * One row: its total is a suffix of the digits, so each possible total is taken first and the
 * rest split into cells no larger than it whose sum never exceeds it (a strong pruning: a row of
 * 20 digits takes a few hundred steps instead of tens of thousands).
 */
function splitRowBySum(digits: string, width: number, limit: number): SplitResult {
  const candidates: number[][] = [];
  let steps = 0;
  let capped = false;
  const cells: number[] = [];
  for (
    let totalLength = 1;
    totalLength <= Math.min(MAX_CELL_DIGITS, digits.length - (width - 1));
    totalLength += 1
  ) {
    const end = digits.length - totalLength;
    const total = parseCell(digits, end, digits.length);
    if (total === null) continue;
    const walk = (at: number, sum: number): void => {
      if (capped || candidates.length >= limit) return;
      steps += 1;
      if (steps > MAX_SPLIT_STEPS) {
        capped = true;
        return;
      }
      const left = width - 1 - cells.length;
      if (left === 0) {
        if (at === end && sum === total) candidates.push([...cells, total]);
        return;
      }
      const remaining = end - at;
      if (remaining < left || remaining > left * totalLength) return;
      for (let len = 1; len <= Math.min(totalLength, remaining - (left - 1)); len += 1) {
        const value = parseCell(digits, at, at + len);
        if (value === null) break;
        if (sum + value > total) break; // longer cells are larger still
        cells.push(value);
        walk(at + len, sum + value);
        cells.pop();
      }
    };
    walk(0, 0);
  }
  // Candidates in the order of their cells, whatever the total's length.
  candidates.sort((a, b) => {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
  return { candidates, capped };
}

/** Splits `digits` into `count` numbers without any arithmetic (table 二's three columns). */
export function splitFree(digits: string, count: number, limit = 10): SplitResult {
  const candidates: number[][] = [];
  const cells: number[] = [];
  let steps = 0;
  let capped = false;
  function walk(at: number): void {
    if (capped || candidates.length >= limit) return;
    steps += 1;
    if (steps > MAX_SPLIT_STEPS) {
      capped = true;
      return;
    }
    const left = count - cells.length;
    if (left === 0) {
      if (at === digits.length) candidates.push([...cells]);
      return;
    }
    for (let len = 1; len <= Math.min(MAX_CELL_DIGITS, digits.length - at - (left - 1)); len += 1) {
      const value = parseCell(digits, at, at + len);
      if (value === null) break;
      cells.push(value);
      walk(at + len);
      cells.pop();
    }
  }
  walk(0);
  return { candidates, capped };
}
