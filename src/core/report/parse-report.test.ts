import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { AppError } from '../errors.ts';
import { parseReport, reportJsonSchema } from './parse-report.ts';

function refusal(value: unknown): AppError {
  try {
    parseReport(value);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected parseReport to refuse the value');
}

describe('parseReport', () => {
  it('accepts every seed fixture and keeps null distinct from 0', () => {
    const url = new URL('../../../test/fixtures/seeds/001.report.json', import.meta.url);
    const report = parseReport(JSON.parse(readFileSync(url, 'utf8')));
    expect(report.table2.feesWanYuan).toBeNull();
    expect(report.table2.licensing).toBe(0);
  });

  it('accepts a generated report unchanged', () => {
    const report = generateValidReport(1);
    expect(parseReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('refuses a row with the wrong number of cells, naming the path', () => {
    const report = JSON.parse(JSON.stringify(generateValidReport(1)));
    report.table3.granted.push(0);
    const error = refusal(report);
    expect(error.code).toBe('INVALID_REPORT');
    expect(error.message).toContain('table3.granted');
    expect(error.message).toContain('7');
  });

  it('refuses a text where a number is expected, and an unknown key', () => {
    const report = JSON.parse(JSON.stringify(generateValidReport(1)));
    report.table4.review[0] = '零';
    report.colour = 'red';
    const error = refusal(report);
    expect(error.message).toContain('table4.review.0');
    expect(error.message).toContain('colour');
  });

  it('refuses something that is not a report at all', () => {
    expect(refusal([1, 2, 3]).message).toMatch(/^不是有效的 gongkai-report\/1 年度报告/);
    expect(refusal({ schema: 'other/1' }).message).toContain('schema');
  });
});

describe('reportJsonSchema', () => {
  it('describes every table-三 row as exactly seven numbers or nulls', () => {
    const schema = reportJsonSchema() as {
      properties: {
        table3: { properties: Record<string, { minItems: number; maxItems: number }>; required: string[] };
      };
    };
    const rows = schema.properties.table3.properties;
    expect(Object.keys(rows)).toHaveLength(25);
    expect(rows.totalConcluded).toMatchObject({ minItems: 7, maxItems: 7 });
    expect(schema.properties.table3.required).toContain('carriedForward');
  });
});

describe('reportJsonSchema and the two formats', () => {
  it('says which fields each format has: format2019 exactly when formatVersion is "2019"', () => {
    const schema = reportJsonSchema() as {
      properties: Record<string, { enum?: string[]; default?: string; properties?: Record<string, unknown> }>;
      oneOf: Array<{ properties: { formatVersion: { const: string } }; required?: string[]; not?: unknown }>;
    };
    expect(schema.properties.formatVersion?.enum?.sort()).toEqual(['2019', '2021']);
    expect(schema.properties.formatVersion?.default).toBe('2021');
    expect(Object.keys(schema.properties.format2019?.properties ?? {})).toEqual(['table2', 'otherHandling']);
    const [of2019, of2021] = schema.oneOf;
    expect(of2019?.required).toEqual(['formatVersion', 'format2019']);
    expect(of2021).toMatchObject({
      properties: { formatVersion: { const: '2021' } },
      not: { required: ['format2019'] },
    });
  });
});
