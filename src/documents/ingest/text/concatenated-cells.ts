import type { SourceLine } from '../source-document.ts';

/** Provenance of a cell obtained by splitting a digit run. */
export const SPLIT_NOTE = '按勾稽关系拆分';
/** What an undecided cell is written as in the rebuilt row (a blank marker: the cell is null). */
export const UNDECIDED = '—';

/** The candidates of an undecided split, as a finding names them. */
export function quoteCandidates(candidates: number[][], capped: boolean): string {
  const list = candidates
    .slice(0, 5)
    .map((c) => c.join('、'))
    .join('；');
  return candidates.length === 0
    ? capped
      ? '拆分方式过多，未能逐一核对'
      : '没有符合勾稽关系的拆分'
    : `可能的拆分：${list}${candidates.length > 5 || capped ? ' 等' : ''}`;
}

/** A table row rebuilt from a concatenated text (`split`: its cells come from splitting digits). */
export function row(label: string, cells: readonly string[], split: boolean, table: number): SourceLine {
  const line: SourceLine = { cells: [label, ...cells], inTable: true, line: 1, table };
  if (split) line.note = SPLIT_NOTE;
  return line;
}
