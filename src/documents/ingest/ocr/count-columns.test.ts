import { describe, expect, it } from 'vitest';
import { UNREADABLE_CELL } from '../../../core/rules/proofread-ocr.ts';
import { readValue } from '../interpret/cell-values.ts';
import { type CountColumn, countColumns, markTable2Cells, markUntrustedCells } from './count-columns.ts';
import type { OcrCell } from './ocr-page.ts';

const isValue = (text: string) => readValue(text) !== null;

/** Seven count columns 40 pt wide from x = 200, covering rows from y = 100 to 500. */
const columns: CountColumn[] = Array.from({ length: 7 }, (_, i) => ({
  left: 200 + 40 * i,
  right: 235 + 40 * i,
  top: 100,
  bottom: 500,
}));
const spansOf = (n: number, first = 0): [number, number][] =>
  Array.from({ length: n }, (_, i) => [200 + 40 * (first + i), 235 + 40 * (first + i)]);

describe('cells of a scanned table row that cannot be trusted in their place', () => {
  it('marks a count read as a character in a row of counts', () => {
    const texts = ['3', '0', '工', '0', '0', '0', '4'];
    expect(markUntrustedCells(texts, spansOf(7), Array(7).fill(90), 200, columns, isValue)).toEqual([2]);
    expect(texts[2]).toBe(UNREADABLE_CELL);
  });

  it('leaves a header row over the counts alone however badly its captions read', () => {
    // “行政复议 | 行政诉讼”: each caption spans several count columns, one read unsurely.
    const texts = ['行政复议', '行政讠斥讼'];
    const spans: [number, number][] = [
      [200, 395],
      [400, 475],
    ];
    expect(markUntrustedCells(texts, spans, [95, 30], 120, columns, isValue)).toEqual([]);
    expect(texts).toEqual(['行政复议', '行政讠斥讼']);
  });

  it('marks what is not a count in table 四’s one row of fifteen counts, with no count column', () => {
    const texts = ['工', '0', '0', '0', '工', '2', '0', '2', '3', '7', '0', '0', '0', '2', '2'];
    const marked = markUntrustedCells(texts, spansOf(15), Array(15).fill(90), 900, [], isValue);
    expect(marked).toEqual([0, 4]);
    expect(texts.filter((t) => t === UNREADABLE_CELL)).toHaveLength(2);
  });

  it('keeps a count misread in the first row of the table in its column, not in the caption', () => {
    // A ruled table: a caption column (x 20–190), seven count columns; the header “商业企业…” on
    // the row at y 80, data rows every 20 pt from y 100. The first data row's fourth count (14) is read “]4”.
    const printed = [
      ['16', '10', '8', ']4', '15', '15', '78'],
      ['1', '0', '2', '2', '2', '5', '12'],
      ['2', '0', '0', '0', '2', '0', '4'],
      ['0', '0', '0', '3', '0', '0', '3'],
    ];
    const cell = (left: number, right: number, top: number, text: string, confidence = 95): OcrCell => ({
      left,
      right,
      top,
      bottom: top + 18,
      text,
      confidence,
      digits: /^\d+$/.test(text),
    });
    const cells: OcrCell[] = [
      cell(20, 190, 80, '申请人情况'),
      ...spansOf(7).map(([left, right], i) =>
        cell(
          left,
          right,
          80,
          ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'][i]!,
        ),
      ),
      ...printed.flatMap((row, r) => [
        cell(20, 190, 100 + 20 * r, `第${r + 1}行`),
        ...row.map((text, i) =>
          cell(spansOf(7)[i]![0], spansOf(7)[i]![1], 100 + 20 * r, text, text === ']4' ? 87 : 95),
        ),
      ]),
    ];
    const found = countColumns(cells);
    expect(found).toHaveLength(7);
    // The column reaches the first data row (y 100) and stops under the header (y 80).
    expect(found.map((c) => c.top)).toEqual(Array(7).fill(100));
    const texts = ['一、本年新收政府信息公开申请数量', ...printed[0]!];
    const marked = markUntrustedCells(
      texts,
      [[20, 190], ...spansOf(7)],
      Array(8).fill(95),
      100,
      found,
      isValue,
    );
    expect(marked).toEqual([4]);
    expect(texts.slice(1)).toEqual(['16', '10', '8', UNREADABLE_CELL, '15', '15', '78']);
  });

  it('marks a table-二 value cell that reads as no value, by the form’s cells of the row', () => {
    // “行政规范性文件 | 0 | 1 | 30” with a speck read as “和” before the 0.
    const texts = ['行政规范性文件', '和0', '1', '30'];
    expect(markTable2Cells(texts, isValue)).toEqual([1]);
    expect(texts).toEqual(['行政规范性文件', UNREADABLE_CELL, '1', '30']);
    const clean = ['规章', '0', '/', '0'];
    expect(markTable2Cells(clean, isValue)).toEqual([]);
    // Not a row of the form as printed (a fourth cell, another caption): left to the interpreter.
    const other = ['行政许可', '和0', '3'];
    expect(markTable2Cells(other, isValue)).toEqual([]);
    expect(markTable2Cells(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], isValue)).toEqual(
      [],
    );
  });
});
