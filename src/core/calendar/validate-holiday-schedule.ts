import { z } from 'zod';
import { formatDateZh, type IsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';
import { isoDateSchema } from '../iso-date-schema.ts';
import type { HolidaySchedule } from './holidays.ts';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from './workdays.ts';

/** One arrangement as an administrator submits it (parsed from a notice or entered by hand). */
export const holidayScheduleSchema = z.strictObject({
  year: z
    .int()
    .min(CALENDAR_FIRST_YEAR, { error: `年度应在${CALENDAR_FIRST_YEAR}年至${CALENDAR_LAST_YEAR}年之间` })
    .max(CALENDAR_LAST_YEAR, { error: `年度应在${CALENDAR_FIRST_YEAR}年至${CALENDAR_LAST_YEAR}年之间` }),
  title: z.string().trim().min(1, { error: '请填写通知标题' }).max(200),
  documentNumber: z.string().trim().max(100).nullable(),
  issuedOn: isoDateSchema.describe('通知成文日期'),
  holidays: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, { error: '请填写节日名称' }).max(40),
        from: isoDateSchema,
        to: isoDateSchema,
      }),
    )
    .min(1, { error: '至少应有一个放假安排' })
    .max(20),
  makeUpWorkdays: z.array(isoDateSchema).max(30),
});

const zh = (d: IsoDate) => formatDateZh(d, false);

function invalid(message: string): AppError {
  return new AppError('CALENDAR_RANGES_INVALID', message);
}

/**
 * The checks of an arrangement before it is stored: every range in order and inside the year (元旦
 * may start in December of the year before, a range may end in January of the next), no two
 * ranges overlapping, each make-up working day a distinct day outside every rest range — also
 * against the ranges and make-up days of the other years' arrangements (`others`).
 * Throws CALENDAR_RANGES_INVALID in Chinese, naming the ranges or days concerned.
 */
export function validateHolidaySchedule(s: HolidaySchedule, others: readonly HolidaySchedule[] = []): void {
  const first = `${s.year - 1}-12-01`;
  const last = `${s.year + 1}-01-31`;
  for (const r of s.holidays) {
    if (r.to < r.from) throw invalid(`“${r.name}”的结束日期${zh(r.to)}早于开始日期${zh(r.from)}`);
    if (r.from < first || r.to > last) {
      throw invalid(`“${r.name}”（${zh(r.from)}至${zh(r.to)}）不在${s.year}年的安排范围内`);
    }
  }
  const sorted = [...s.holidays].sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.from <= a.to) {
      throw invalid(
        `放假安排重叠：“${a.name}”（${zh(a.from)}至${zh(a.to)}）与“${b.name}”（${zh(b.from)}至${zh(b.to)}）`,
      );
    }
  }
  const seen = new Set<IsoDate>();
  for (const d of s.makeUpWorkdays) {
    if (seen.has(d)) throw invalid(`调休上班日${zh(d)}重复`);
    seen.add(d);
    if (d < first || d > last) throw invalid(`调休上班日${zh(d)}不在${s.year}年的安排范围内`);
    const inside = s.holidays.find((r) => d >= r.from && d <= r.to);
    if (inside) {
      throw invalid(`调休上班日${zh(d)}在“${inside.name}”放假期间（${zh(inside.from)}至${zh(inside.to)}）内`);
    }
  }
  for (const o of others) {
    if (o.year === s.year) continue;
    for (const r of s.holidays) {
      const clash = o.holidays.find((x) => r.from <= x.to && x.from <= r.to);
      if (clash) {
        throw invalid(
          `放假安排重叠：“${r.name}”（${zh(r.from)}至${zh(r.to)}）与${o.year}年的“${clash.name}”（${zh(clash.from)}至${zh(clash.to)}）`,
        );
      }
      const work = o.makeUpWorkdays.find((d) => d >= r.from && d <= r.to);
      if (work)
        throw invalid(`“${r.name}”（${zh(r.from)}至${zh(r.to)}）包含${o.year}年安排的调休上班日${zh(work)}`);
    }
    for (const d of s.makeUpWorkdays) {
      const inside = o.holidays.find((x) => d >= x.from && d <= x.to);
      if (inside) throw invalid(`调休上班日${zh(d)}在${o.year}年安排的“${inside.name}”放假期间内`);
    }
  }
}
