import type { SourceRef } from '../../../core/report/schema.ts';
import type { SourceLine } from '../source-document.ts';

const MAX_QUOTED = 120;

/** Where a line came from, with its text (shortened) for quoting in findings. */
export function sourceOf(line: SourceLine): SourceRef {
  const { cells } = line;
  const printed = cells.length === 1 ? cells[0]! : cells.filter((c) => c !== '').join(' ');
  const text = line.note === undefined ? printed : `${line.note}：${printed}`;
  const ref: SourceRef = {
    line: line.line,
    text: text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text,
  };
  if (line.page !== undefined) ref.page = line.page;
  return ref;
}
