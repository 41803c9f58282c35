import { z } from 'zod';
import { type IsoDate, isIsoDate, yearOf } from '../dates.ts';
import { AppError } from '../errors.ts';
import type { WorkRecordContent, WorkRecordInput } from './work-record-kinds.ts';
import { workRecordBodySchema } from './work-record-schemas.ts';

const zhCN = z.locales.zhCN();

/** A field as the routes' validation names it: `data.suggestions.2.handledOn`. */
const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');
/** The same as a JSON pointer, as in the routes' error details: `/data/suggestions/2/handledOn`. */
const pointer = (path: readonly PropertyKey[]) => `/${path.map(String).join('/')}`;

function refuse(problems: Array<{ path: readonly PropertyKey[]; message: string }>): never {
  throw new AppError(
    'INVALID_INPUT',
    `记录有误：${problems.map((p) => (p.path.length > 0 ? `${dotted(p.path)}：${p.message}` : p.message)).join('；')}`,
    problems.map((p) => ({ path: pointer(p.path), message: p.message })),
  );
}

/** The year a record belongs to, from its own date or year field; null for a channel. */
export function yearOfWorkRecord(record: WorkRecordContent): number | null {
  switch (record.kind) {
    case 'interpretation':
      return yearOf(record.data.publishedOn);
    case 'evaluation':
    case 'training':
    case 'meeting':
      return yearOf(record.data.heldOn);
    case 'accountability':
      return yearOf(record.data.decidedOn);
    case 'proposal':
    case 'figures':
    case 'task':
      return record.data.year;
    case 'channel':
      return null;
  }
}

/** Every date field of a record's data, with its path, for the checks against today. */
function datesOf(value: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; date: IsoDate }> {
  if (typeof value === 'string') {
    // Date fields are named …On (heldOn, receivedOn, …); a title that reads like a date is not one.
    const key = path[path.length - 1];
    return typeof key === 'string' && key.endsWith('On') && isIsoDate(value) ? [{ path, date: value }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => datesOf(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => datesOf(v, [...path, k]));
  }
  return [];
}

/** Every `year` field of a record's data (channel years, proposal year, …). */
function yearsOf(value: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; year: number }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => yearsOf(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      k === 'year' && typeof v === 'number' ? [{ path: [...path, k], year: v }] : yearsOf(v, [...path, k]),
    );
  }
  return [];
}

/**
 * Checks a work record as sent (`{ kind, year?, data }`), `today` being the current day in China:
 * the kind's schema and cross-field rules (work-record-schemas.ts), no date after today, no year
 * after next year, and a given `year` equal to the one the record's dates say. Returns the trimmed
 * record with its year; throws AppError INVALID_INPUT whose message names every field at fault as
 * the routes' validation does (`data.forms.1：…`; details `[{ path: '/data/forms/1', message }]`).
 */
export function validateWorkRecord(input: unknown, today: IsoDate): WorkRecordInput {
  const parsed = workRecordBodySchema.safeParse(input, { error: zhCN.localeError });
  if (!parsed.success) refuse(parsed.error.issues);
  const { kind, year: givenYear, data } = parsed.data;
  const record = { kind, data } as WorkRecordContent;
  const year = yearOfWorkRecord(record);
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  for (const d of datesOf(data, ['data'])) {
    if (d.date > today) problems.push({ path: d.path, message: `日期 ${d.date} 晚于今天` });
  }
  const lastYear = yearOf(today) + 1;
  for (const y of yearsOf(data, ['data'])) {
    if (y.year > lastYear) problems.push({ path: y.path, message: `年度 ${y.year} 晚于${lastYear}年` });
  }
  if (givenYear !== undefined && givenYear !== null && givenYear !== year) {
    problems.push({
      path: ['year'],
      message:
        year === null
          ? '政务公开平台的记录不分年度，不应填写年度（年度数据填在 years 中）'
          : `记录年度 ${givenYear} 与记录本身的年度 ${year} 不一致`,
    });
  }
  if (problems.length > 0) refuse(problems);
  return { ...record, year } as WorkRecordInput;
}
