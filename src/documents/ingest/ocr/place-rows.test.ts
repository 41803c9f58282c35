import { describe, expect, it } from 'vitest';
import { TABLE3_GROUPS, TABLE3_ROW_LABELS } from '../../../core/report/labels.ts';
import { matchTable3Row } from '../interpret/table3-labels.ts';
import type { SourceLine } from '../source-document.ts';
import { placeMisreadRows } from './place-rows.ts';

/** A table-三 line of a scan: its caption cells, seven counts, each cell's confidence. */
function row(captions: string[], captionConfidence: number, line: number): SourceLine {
  const values = ['3', '0', '1', '0', '0', '0', '4'];
  return {
    cells: [...captions, ...values],
    inTable: true,
    line,
    page: 5,
    confidence: [...captions.map(() => captionConfidence), ...values.map(() => 95)],
  };
}

const keyOf = (line: SourceLine) => matchTable3Row(line.cells.slice(0, -7).join(''))?.key ?? null;

describe('placing table-三 rows whose caption OCR misread', () => {
  it('places a row between two rows one apart in the form by the table’s order', () => {
    // “（四）无法提供 | 1.本机关不掌握相关政府信息” with its item read as “人”.
    const lines = [
      row([TABLE3_ROW_LABELS['denied.adminQuery']], 90, 16),
      row([TABLE3_GROUPS.unable, '人'], 20, 17),
      row([TABLE3_ROW_LABELS['unable.needCreation']], 90, 18),
    ];
    expect(keyOf(lines[1]!)).toBeNull();
    placeMisreadRows(lines);
    expect(lines.map(keyOf)).toEqual(['denied.adminQuery', 'unable.notHeld', 'unable.needCreation']);
    expect(lines[1]!.cells.slice(-7)).toEqual(['3', '0', '1', '0', '0', '0', '4']);
    expect(lines[1]!.cells).toHaveLength(9);
  });

  it('keeps a caption read with confidence, and a row whose neighbours leave more than one place', () => {
    const confident = [
      row([TABLE3_ROW_LABELS['denied.adminQuery']], 90, 16),
      row(['本机关没有这项信息'], 95, 17),
      row([TABLE3_ROW_LABELS['unable.needCreation']], 90, 18),
    ];
    placeMisreadRows(confident);
    expect(confident[1]!.cells[0]).toBe('本机关没有这项信息');
    const gap = [
      row([TABLE3_ROW_LABELS['denied.adminQuery']], 90, 16),
      row(['人'], 10, 17),
      row([TABLE3_ROW_LABELS['unable.stillUnclear']], 90, 18),
    ];
    placeMisreadRows(gap);
    expect(gap[1]!.cells[0]).toBe('人');
  });
});
