import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import { TABLE3_OUTCOME_KEYS } from '../report/labels.ts';
import type { Report } from '../report/schema.ts';
import { alternativeReadings } from './ocr-slips.ts';
import { type OcrCellReading, proofreadOcrCells } from './proofread-ocr.ts';
import { validateReport } from './validate-report.ts';

const base = (): Report => clone(generateValidReport(42));

/** A misreading of `value` that is one OCR slip away from it (so the proofreader may find it). */
function slipOf(value: number): string {
  const candidates = [...Array(200).keys()].map(String).filter((t) => alternativeReadings(t).includes(value));
  return candidates.find((t) => t !== String(value))!;
}

function reading(cell: OcrCellReading['cell'], text: string, confidence: number): OcrCellReading {
  return { cell, text, confidence, page: 4 };
}

describe('alternativeReadings', () => {
  it('offers confusable digits, a dropped digit and an added digit', () => {
    const alternatives = alternativeReadings('18');
    expect(alternatives).toEqual(expect.arrayContaining([78, 10, 13, 16, 19, 1, 8, 118, 180]));
    expect(alternatives).not.toContain(18);
  });
});

describe('proofreadOcrCells', () => {
  it('repairs a doubtful cell when exactly one reading satisfies every identity it is in', () => {
    const truth = base();
    const row = TABLE3_OUTCOME_KEYS.find((k) => (truth.table3[k][0] ?? 0) > 0)!;
    const printed = truth.table3[row][0]!;
    const misread = slipOf(printed);
    const scanned = clone(truth);
    scanned.table3[row][0] = Number(misread);
    const cell = { table: 'table3' as const, row, column: 0 };
    const result = proofreadOcrCells(scanned, [reading(cell, misread, 55)]);
    expect(result.report.table3[row][0]).toBe(printed);
    expect(result.corrected).toHaveLength(1);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['OCR-01', 'info']]);
    expect(result.findings[0]!.message).toContain('第4页表三');
    expect(result.report.provenance?.[`table3.${row}[0]`]?.text).toContain('OCR，按勾稽关系校正');
    expect(validateReport(result.report).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('leaves the cell blank with a finding when no slip of the reading repairs it', () => {
    const truth = base();
    truth.table4.review = [2, 1, 0, 1, 4];
    const scanned = clone(truth);
    scanned.table4.review[0] = 9; // 2 is not one slip away from 9
    const result = proofreadOcrCells(scanned, [
      reading({ table: 'table4', row: 'review', column: 0 }, '9', 40),
    ]);
    expect(result.report.table4.review[0]).toBeNull();
    expect(result.findings.map((f) => f.ruleId)).toEqual(['OCR-02']);
    expect(result.findings[0]!.message).toMatch(/第4页表四“行政复议”行“结果维持”列无法识别/);
  });

  it('repairs nothing when two doubtful cells could each mend the same identity', () => {
    const truth = base();
    truth.table4.litigationDirect = [1, 0, 0, 0, 1];
    const scanned = clone(truth);
    scanned.table4.litigationDirect[0] = 7; // 7 = 1 misread; but total 1 could as well be a misread 7
    const readings = [
      reading({ table: 'table4', row: 'litigationDirect', column: 0 }, '7', 50),
      reading({ table: 'table4', row: 'litigationDirect', column: 4 }, '1', 60),
    ];
    const result = proofreadOcrCells(scanned, readings);
    expect(result.corrected).toEqual([]);
    expect(result.report.table4.litigationDirect).toEqual([null, 0, 0, 0, null]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['OCR-02', 'OCR-02']);
  });

  it('keeps a doubtful reading its row confirms when its column is broken by another misread cell', () => {
    const truth = base();
    const [misread, confirmed] = TABLE3_OUTCOME_KEYS.filter((k) => (truth.table3[k][0] ?? 0) > 0);
    const scanned = clone(truth);
    scanned.table3[misread!][0] = truth.table3[misread!][0]! + 111; // two slips: no repair
    const result = proofreadOcrCells(scanned, [
      reading({ table: 'table3', row: misread!, column: 0 }, String(scanned.table3[misread!][0]), 40),
      reading({ table: 'table3', row: confirmed!, column: 0 }, String(truth.table3[confirmed!][0]), 70),
    ]);
    expect(result.report.table3[misread!][0]).toBeNull();
    expect(result.report.table3[confirmed!][0]).toBe(truth.table3[confirmed!][0]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['OCR-02']);
  });

  it('names a doubtful reading that no identity can confirm, keeping its value (OCR-03)', () => {
    const scanned = base();
    scanned.table4.review = [3, 1, 0, 0, null];
    const result = proofreadOcrCells(scanned, [
      reading({ table: 'table4', row: 'review', column: 0 }, '3', 52),
    ]);
    expect(result.report.table4.review[0]).toBe(3);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['OCR-03', 'warning']]);
    expect(result.findings[0]!.message).toMatch(/第4页表四“行政复议”行“结果维持”列识别为 3，置信度 52%/);
  });

  it('does not name a doubtful reading an identity confirms', () => {
    const scanned = base();
    scanned.table4.review = [3, 1, 0, 0, 4];
    const result = proofreadOcrCells(scanned, [
      reading({ table: 'table4', row: 'review', column: 0 }, '3', 52),
    ]);
    expect(result.findings).toEqual([]);
  });

  it('keeps a confidently read sum that breaks an identity as the report’s own error', () => {
    const printed = base();
    printed.table3.granted[1] = (printed.table3.granted[1] ?? 0) + 3; // the agency's own slip
    const cell = { table: 'table3' as const, row: 'granted', column: 1 };
    const result = proofreadOcrCells(printed, [reading(cell, String(printed.table3.granted[1]), 96)]);
    expect(result.report).toBe(printed);
    expect(result.findings).toEqual([]);
    const errors = validateReport(result.report)
      .filter((f) => f.severity === 'error')
      .map((f) => f.ruleId);
    expect(errors).toEqual(expect.arrayContaining(['T3-02', 'T3-03']));
  });

  it('reports a cell with ink that OCR could not read as digits', () => {
    const scanned = base();
    scanned.table3.partial[2] = null;
    scanned.table3.partial[6] = null; // its row total blank too: the row cannot restore it
    const cell = { table: 'table3' as const, row: 'partial', column: 2 };
    const result = proofreadOcrCells(scanned, [reading(cell, '浏', 20)]);
    expect(result.unreadable).toHaveLength(1);
    expect(result.findings[0]!.location).toMatchObject({
      table: 'table3',
      rowKey: 'partial',
      columns: ['科研机构'],
    });
  });
});
