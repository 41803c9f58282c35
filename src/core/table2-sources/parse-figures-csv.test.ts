import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parseFiguresCsv, splitCsv } from './parse-figures-csv.ts';

const HEADER = '机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('splitCsv', () => {
  it('handles quotes, doubled quotes, CRLF and line breaks inside quotes, with line numbers', () => {
    expect(splitCsv('a,"b,""c"""\r\n"x\ny",z\n\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b,"c"'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 5, fields: ['1', '2'] },
    ]);
  });
});

describe('parseFiguresCsv', () => {
  it('reads every line, blank cells as null (not 0), fees exactly, a BOM and English headers', () => {
    const rows = parseFiguresCsv(`\uFEFF${HEADER}\n沙坡头区数据局,2025,12,0,,1.2345\r\nagency-2,2024,,,3,\n`);
    expect(rows).toEqual([
      {
        line: 2,
        agency: '沙坡头区数据局',
        year: 2025,
        figures: { licensing: 12, punishment: 0, coercion: null, feesWanYuanE4: 12_345 },
      },
      {
        line: 3,
        agency: 'agency-2',
        year: 2024,
        figures: { licensing: null, punishment: null, coercion: 3, feesWanYuanE4: null },
      },
    ]);
    expect(
      parseFiguresCsv('agencyId,year,licensing,punishment,coercion,feesWanYuan\nx,2025,1,2,3,4')[0]?.figures,
    ).toEqual({ licensing: 1, punishment: 2, coercion: 3, feesWanYuanE4: 40_000 });
  });

  it('lists every bad line with its number and reason', () => {
    const error = errorOf(() =>
      parseFiguresCsv(
        [
          HEADER,
          '甲局,2025,1,2,3,4', // 2 fine
          '乙局,2025,-1,2,3,4', // 3 negative
          '丙局,25,1,2,3,4', // 4 year
          '丁局,2025,1.5,2,3,4', // 5 fraction
          '戊局,2025,1,2,3,4.12345', // 6 five decimals
          '甲局,2025,1,2,3,4', // 7 duplicate of 2
          '己局,2025,1,2', // 8 columns
          ',2025,1,2,3,4', // 9 no agency
        ].join('\n'),
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
    const lines = (error.details as { lines: Array<{ line: number; message: string }> }).lines;
    expect(lines.map((l) => l.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(lines[4]!.message).toContain('第2行');
    expect(error.message).toContain('第3行');
    expect(error.message).toContain('另有 2 行有误');
  });

  it('refuses a file without the needed columns, an empty file and a header alone', () => {
    expect(errorOf(() => parseFiguresCsv('机关,年度,行政许可\n甲,2025,1')).message).toContain('行政处罚');
    expect(errorOf(() => parseFiguresCsv('')).message).toContain('为空');
    expect(errorOf(() => parseFiguresCsv(`${HEADER}\n`)).message).toContain('没有数据行');
    expect(errorOf(() => parseFiguresCsv(`${HEADER}\n"甲,2025,1,2,3,4`)).message).toContain('引号');
  });
});
