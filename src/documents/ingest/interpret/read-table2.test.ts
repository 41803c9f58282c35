import { describe, expect, it } from 'vitest';
import { TABLE2_ROW_VARIANTS } from '../../../core/report/label-variants.ts';
import type { SourceLine } from '../source-document.ts';
import { readTable2 } from './read-table2.ts';

const row = (n: number, ...cells: string[]): SourceLine => ({ cells, inTable: true, line: n, table: 0 });

describe('readTable2 on the wording real reports print', () => {
  it.each(TABLE2_ROW_VARIANTS.map((v) => [v.printed, v.row] as const))(
    'reads the values of “%s” into %s and reports the caption (N-09)',
    (printed, key) => {
      const three = key === 'regulations' || key === 'normativeDocuments';
      const reading = readTable2([row(7, printed, ...(three ? ['6', '2', '33'] : ['4.5']))]);
      const value = reading.table2[key];
      expect(value).toEqual(three ? { issued: 6, repealed: 2, inForce: 33 } : 4.5);
      expect(reading.findings.map((f) => [f.ruleId, f.severity, f.location.source?.line])).toEqual([
        ['N-09', 'info', 7],
      ]);
    },
  );

  it('reports nothing for the official captions', () => {
    const reading = readTable2([row(1, '行政规范性文件', '1', '0', '5'), row(2, '行政许可', '3')]);
    expect(reading.table2.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 5 });
    expect(reading.table2.licensing).toBe(3);
    expect(reading.findings).toEqual([]);
  });
});
