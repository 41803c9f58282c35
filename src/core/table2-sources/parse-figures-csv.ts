import { AppError } from '../errors.ts';
import { checkCount, type EnforcementFigures, parseWanYuan } from './enforcement-figures.ts';

/** One data line of an enforcement-figures CSV. `agency` is an agency id or its exact name. */
export interface FiguresCsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  agency: string;
  year: number;
  figures: EnforcementFigures;
}

export interface CsvLineError {
  line: number;
  message: string;
}

type Column = 'agency' | 'year' | 'licensing' | 'punishment' | 'coercion' | 'fees';

/** Accepted header captions (Chinese as printed in table 二, or the API's English keys). */
const HEADERS: Record<string, Column> = {
  机关: 'agency',
  机关名称: 'agency',
  机关id: 'agency',
  agency: 'agency',
  agencyid: 'agency',
  年度: 'year',
  year: 'year',
  行政许可: 'licensing',
  licensing: 'licensing',
  行政处罚: 'punishment',
  punishment: 'punishment',
  行政强制: 'coercion',
  coercion: 'coercion',
  行政事业性收费: 'fees',
  '行政事业性收费（万元）': 'fees',
  '行政事业性收费(万元)': 'fees',
  feeswanyuan: 'fees',
};

const COLUMN_LABELS: Record<Column, string> = {
  agency: '机关',
  year: '年度',
  licensing: '行政许可',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费（万元）',
};

export const MAX_CSV_LINES = 20_000;

/** Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF or LF). */
export function splitCsv(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: startLine, fields });
      fields = [];
      field = '';
      line += 1;
      startLine = line;
    } else field += c;
  }
  if (quoted) throw new AppError('INVALID_INPUT', `CSV 第${startLine}行：引号没有闭合`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: startLine, fields });
  }
  return records.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

function readCount(text: string, column: Column): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t))
    throw new AppError('INVALID_INPUT', `${COLUMN_LABELS[column]}“${t}”应为不小于0的整数`);
  return checkCount(Number(t), COLUMN_LABELS[column]);
}

/**
 * Reads a CSV of table 二 figures, one line per agency-year: 机关 (id or exact name), 年度, 行政许可,
 * 行政处罚, 行政强制, 行政事业性收费（万元）. An empty cell is "not entered" (null), not 0. Every
 * line is checked; if any is wrong, throws INVALID_INPUT whose details list every bad line
 * (`CsvLineError[]`), so that nothing is stored from a file with a mistake.
 */
export function parseFiguresCsv(text: string): FiguresCsvRow[] {
  const records = splitCsv(text.replace(/^\uFEFF/, ''));
  if (records.length === 0) throw new AppError('INVALID_INPUT', 'CSV 文件为空');
  if (records.length > MAX_CSV_LINES + 1)
    throw new AppError('INVALID_INPUT', `CSV 行数过多（最多 ${MAX_CSV_LINES} 行）`);
  const [header, ...data] = records;
  const columns = header!.fields.map((f) => HEADERS[f.trim().replace(/\s+/g, '').toLowerCase()] ?? null);
  const missing = (Object.keys(COLUMN_LABELS) as Column[]).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `CSV 第1行（表头）缺少列：${missing.map((c) => COLUMN_LABELS[c]).join('、')}。应为：${Object.values(COLUMN_LABELS).join(',')}`,
    );
  }
  const errors: CsvLineError[] = [];
  const rows: FiguresCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of data) {
    try {
      if (fields.length !== columns.length) {
        throw new AppError('INVALID_INPUT', `应有 ${columns.length} 列，实有 ${fields.length} 列`);
      }
      const cell = (c: Column) => fields[columns.indexOf(c)]!.trim();
      const agency = cell('agency');
      if (agency === '') throw new AppError('INVALID_INPUT', '机关不能为空');
      const yearText = cell('year');
      const year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < 2008 || year > 2100) {
        throw new AppError('INVALID_INPUT', `年度“${yearText}”无效：应为2008至2100之间的四位年份`);
      }
      const fees = cell('fees');
      const row: FiguresCsvRow = {
        line,
        agency,
        year,
        figures: {
          licensing: readCount(cell('licensing'), 'licensing'),
          punishment: readCount(cell('punishment'), 'punishment'),
          coercion: readCount(cell('coercion'), 'coercion'),
          feesWanYuanE4: fees === '' ? null : parseWanYuan(fees),
        },
      };
      const key = `${agency}\u0000${year}`;
      const first = seen.get(key);
      if (first !== undefined)
        throw new AppError('INVALID_INPUT', `与第${first}行重复（同一机关同一年度只能有一行）`);
      seen.set(key, line);
      rows.push(row);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push({ line, message: error.message });
    }
  }
  if (errors.length > 0) throw csvErrors(errors);
  if (rows.length === 0) throw new AppError('INVALID_INPUT', 'CSV 文件只有表头，没有数据行');
  return rows;
}

/** The error for a file with bad lines: the first few in the message, all of them in details. */
export function csvErrors(errors: CsvLineError[]): AppError {
  const shown = errors
    .slice(0, 5)
    .map((e) => `第${e.line}行：${e.message}`)
    .join('；');
  const more = errors.length > 5 ? `；另有 ${errors.length - 5} 行有误` : '';
  return new AppError('INVALID_INPUT', `CSV 有 ${errors.length} 行有误，未导入任何数据。${shown}${more}`, {
    lines: errors,
  });
}
