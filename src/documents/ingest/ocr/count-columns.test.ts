import { describe, expect, it } from 'vitest';
import { UNREADABLE_CELL } from '../../../core/rules/proofread-ocr.ts';
import { readValue } from '../interpret/cell-values.ts';
import { type CountColumn, markUntrustedCells } from './count-columns.ts';

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
});
