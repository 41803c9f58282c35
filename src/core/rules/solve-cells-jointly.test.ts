import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import { TABLE3_OUTCOME_KEYS, type Table3RowKey } from '../report/labels.ts';
import type { Report } from '../report/schema.ts';
import { type OcrCellReading, proofreadOcrCells } from './proofread-ocr.ts';
import { cellKey, REPORT_IDENTITIES } from './report-identities.ts';
import { JOINT_SEARCH_NODES, solveCellsJointly } from './solve-cells-jointly.ts';
import { validateReport } from './validate-report.ts';

const base = (): Report => clone(generateValidReport(42));

function reading(cell: OcrCellReading['cell'], text: string, confidence: number): OcrCellReading {
  return { cell, text, confidence, page: 5 };
}

const review = (column: number) => ({ table: 'table4' as const, row: 'review', column });
const identitiesOf = (cell: OcrCellReading['cell']) =>
  REPORT_IDENTITIES.filter((identity) => identity.terms.some((t) => cellKey(t.cell) === cellKey(cell)));

describe('solveCellsJointly', () => {
  it('finds the one combination of two cells that makes their shared identity hold', () => {
    // 复议 row: 维持 + 纠正 + 其他 + 未审结 = 总计; the two unknowns must add up to 10.
    const values = [null, null, 0, 0, 10];
    const groups = solveCellsJointly(
      [
        { cell: review(0), candidates: [3, 5, 8] },
        { cell: review(1), candidates: [3, 5, 13] },
      ],
      identitiesOf,
      (cell) => values[cell.column] ?? null,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.solutions).toEqual([[5, 5]]);
    expect(groups[0]!.complete).toBe(true);
  });

  it('keeps unknowns that share no identity in separate groups', () => {
    const other = { table: 'table4' as const, row: 'litigationDirect', column: 0 };
    const groups = solveCellsJointly(
      [
        { cell: review(0), candidates: [1] },
        { cell: other, candidates: [1] },
      ],
      identitiesOf,
      () => 0,
    );
    expect(groups.map((g) => g.unknowns.length)).toEqual([1, 1]);
  });

  it('stops at its node cap and says the search is incomplete', () => {
    // Four free cells with a hundred candidates each and an identity no combination satisfies.
    const many = [...Array(100).keys()];
    const groups = solveCellsJointly(
      [0, 1, 2, 3].map((c) => ({ cell: review(c), candidates: many })),
      identitiesOf,
      () => 1_000_000,
    );
    expect(groups[0]!.solutions).toEqual([]);
    // 100³ combinations of the first three cells to try, far more than the cap allows.
    expect(JOINT_SEARCH_NODES).toBeLessThan(100 ** 3);
    expect(groups[0]!.complete).toBe(false);
  });
});

describe('proofreadOcrCells, jointly', () => {
  it('repairs two doubtful cells of one row that only their combination can mend', () => {
    const truth = base();
    truth.table4.review = [5, 5, 0, 0, 10];
    const scanned = clone(truth);
    scanned.table4.review = [3, 3, 0, 0, 10]; // both 5s read as 3: the total is 4 short
    const result = proofreadOcrCells(scanned, [reading(review(0), '3', 61), reading(review(1), '3', 58)]);
    expect(result.report.table4.review).toEqual([5, 5, 0, 0, 10]);
    expect(result.corrected.map((c) => c.value)).toEqual([5, 5]);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['OCR-01', 'info'],
      ['OCR-01', 'info'],
    ]);
    expect(result.findings[0]!.message).toContain('一并校正');
    expect(result.findings[0]!.message).toContain('“结果纠正”列（识别为 3）');
    expect(result.report.provenance?.['table4.review[1]']?.text).toContain('OCR，按勾稽关系校正');
    expect(validateReport(result.report).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('repairs two misread cells of table 三 that share their row total', () => {
    const truth = base();
    const twoCounts = (key: Table3RowKey) =>
      [0, 1, 2, 3, 4, 5].filter((c) => (truth.table3[key][c] ?? 0) > 0);
    const row = TABLE3_OUTCOME_KEYS.find((key) => twoCounts(key).length >= 2)!;
    const columns = twoCounts(row).slice(0, 2);
    const scanned = clone(truth);
    const readings = columns.map((c) => {
      const text = `${truth.table3[row][c]}9`; // a digit added: one slip each
      scanned.table3[row][c] = Number(text);
      return reading({ table: 'table3', row, column: c }, text, 50);
    });
    const result = proofreadOcrCells(scanned, readings);
    for (const c of columns) expect(result.report.table3[row][c]).toBe(truth.table3[row][c]);
    expect(result.corrected).toHaveLength(2);
    expect(result.unreadable).toEqual([]);
  });

  it('restores a cell OCR could not read from its row, checked by its column', () => {
    const truth = base();
    const column = [0, 1, 2, 3, 4, 5].find((c) => (truth.table3.granted[c] ?? 0) > 0)!;
    const scanned = clone(truth);
    scanned.table3.granted[column] = null;
    const cell = { table: 'table3' as const, row: 'granted', column };
    const result = proofreadOcrCells(scanned, [reading(cell, '\uFFFD', 0)]);
    expect(result.report.table3.granted[column]).toBe(truth.table3.granted[column]);
    expect(result.unreadable).toEqual([]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['OCR-01']);
    expect(result.findings[0]!.message).toContain('无法识别；唯一符合全部勾稽关系');
    expect(result.report.provenance?.[`table3.granted[${column}]`]?.text).toBe(
      `OCR，按勾稽关系校正：无法识别，校正为 ${truth.table3.granted[column]}`,
    );
  });

  it('solves a reading OCR gave no confidence as unread: a count no one slip away is restored', () => {
    const truth = clone(generateValidReport(7, { scale: 300 }));
    const row = TABLE3_OUTCOME_KEYS.find((key) => (truth.table3[key][0] ?? 0) >= 20)!;
    const printed = truth.table3[row][0]!;
    const scanned = clone(truth);
    scanned.table3[row][0] = 1; // “1”: one slip reaches 7 and 10–19 only
    const cell = { table: 'table3' as const, row, column: 0 };
    const withConfidence = proofreadOcrCells(scanned, [reading(cell, '1', 30)]);
    expect(withConfidence.report.table3[row][0]).toBeNull();
    const result = proofreadOcrCells(scanned, [reading(cell, '1', 0)]);
    expect(result.report.table3[row][0]).toBe(printed);
    expect(result.corrected).toHaveLength(1);
  });

  it('leaves cells OCR could not read blank when the identities cannot tell them apart', () => {
    const scanned = base();
    // Four unread cells at the corners of a rectangle: each row and column has two unknowns.
    const cells = (['granted', 'partial'] as const).flatMap((row) =>
      [0, 1].map((column) => ({ table: 'table3' as const, row, column })),
    );
    for (const { row, column } of cells) scanned.table3[row][column] = null;
    const result = proofreadOcrCells(
      scanned,
      cells.map((cell) => reading(cell, '\uFFFD', 0)),
    );
    expect(result.corrected).toEqual([]);
    expect(result.report.table3.granted.slice(0, 2)).toEqual([null, null]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['OCR-02', 'OCR-02', 'OCR-02', 'OCR-02']);
  });

  it('leaves both cells blank, naming the candidates, when two combinations fit', () => {
    const scanned = base();
    scanned.table4.review = [3, 3, 0, 0, 11]; // printed 8 + 3 or 3 + 8: both fit
    const result = proofreadOcrCells(scanned, [reading(review(0), '3', 61), reading(review(1), '3', 58)]);
    expect(result.corrected).toEqual([]);
    expect(result.report.table4.review).toEqual([null, null, 0, 0, 11]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['OCR-02', 'OCR-02']);
    expect(result.findings[0]!.message).toMatch(/本格可能为 (3、8|8、3)/);
  });

  it('leaves a sum broken by confidently read digits to the validator as the report’s own error', () => {
    const printed = base();
    printed.table4.review = [3, 3, 0, 0, 10]; // the agency printed a wrong total
    const result = proofreadOcrCells(printed, [reading(review(0), '3', 93), reading(review(1), '3', 95)]);
    expect(result.report).toBe(printed);
    expect(result.findings).toEqual([]);
    expect(validateReport(result.report).map((f) => f.ruleId)).toContain('T4-01');
  });
});
