import { describe, expect, it } from 'vitest';
import { TABLE3_GROUPS, TABLE3_ROW_LABELS } from '../../../core/report/labels.ts';
import { matchTable3Row } from '../interpret/table3-labels.ts';
import type { SourceLine } from '../source-document.ts';
import { placeMisreadRows, placeUnreadTable2Rows } from './place-rows.ts';

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

describe('placing a table-二 row whose caption OCR could not read', () => {
  /** A line of table 二 (table index 0) on page 1. */
  const line2 = (cells: string[], confidence: number[], line: number): SourceLine => ({
    cells,
    confidence,
    inTable: true,
    line,
    page: 1,
    table: 0,
  });

  it('places it by the row the form puts after it', () => {
    const lines = [
      line2(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [93, 73, 95, 93], 7),
      line2(['', '0', '0', '0'], [0, 96, 93, 95], 8),
      line2(['行政规范性文件', '6', '1', '34'], [97, 97, 95, 95], 9),
    ];
    placeUnreadTable2Rows(lines);
    expect(lines[1]!.cells).toEqual(['规章', '0', '0', '0']);
  });

  it('leaves a caption left blank on paper, a row of other width, and a caption printed elsewhere', () => {
    const blank = [
      line2(['', '0', '0', '0'], [100, 96, 93, 95], 8),
      line2(['行政规范性文件', '6', '1', '34'], [97, 97, 95, 95], 9),
    ];
    placeUnreadTable2Rows(blank);
    expect(blank[0]!.cells[0]).toBe('');
    const wide = [
      line2(['', '0', '0'], [0, 96, 93], 8),
      line2(['行政规范性文件', '6', '1', '34'], [97, 97, 95, 95], 9),
    ];
    placeUnreadTable2Rows(wide);
    expect(wide[0]!.cells[0]).toBe('');
    const twice = [
      line2(['规章', '0', '0', '0'], [95, 96, 93, 95], 7),
      line2(['', '0', '0', '0'], [0, 96, 93, 95], 8),
      line2(['行政规范性文件', '6', '1', '34'], [97, 97, 95, 95], 9),
    ];
    placeUnreadTable2Rows(twice);
    expect(twice[1]!.cells[0]).toBe('');
  });
});
