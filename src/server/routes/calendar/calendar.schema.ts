import { z } from 'zod';
import { holidayScheduleSchema } from '../../../core/calendar/validate-holiday-schedule.ts';

const holidayRange = z.object({ name: z.string(), from: z.string(), to: z.string() });

/** One year's arrangement as stored. */
export const calendarYearSchema = z.object({
  year: z.int(),
  title: z.string(),
  documentNumber: z.string().nullable().describe('文号，例如 国办发明电〔2024〕12号'),
  issuedOn: z.string().describe('通知成文日期'),
  holidays: z.array(holidayRange).describe('放假期间（含首尾）'),
  makeUpWorkdays: z.array(z.string()).describe('调休上班的周末'),
  source: z.enum(['built-in', 'entered']).describe('built-in：系统内置；entered：管理员录入'),
  enteredBy: z.string().nullable().describe('录入人姓名'),
  enteredAt: z.string().nullable(),
});

export const calendarResponse = z.object({
  years: z.array(calendarYearSchema),
  today: z.string(),
  nextYearMissing: z.boolean().describe('11月1日起下一年度的节假日安排尚未录入'),
});

export const parseNoticeBody = z.strictObject({
  text: z.string().min(1, { error: '请粘贴通知全文' }).max(20_000, { error: '通知文本过长' }),
});

export const parseNoticeResponse = z.object({
  schedule: z.object({
    year: z.int(),
    title: z.string(),
    documentNumber: z.string().nullable(),
    issuedOn: z.string().nullable().describe('通知末尾的成文日期；未粘贴时为 null，保存前须填写'),
    holidays: z.array(holidayRange),
    makeUpWorkdays: z.array(z.string()),
  }),
});

export const saveCalendarBody = z.strictObject({ schedule: holidayScheduleSchema });

export const savedCalendarResponse = z.object({
  year: z.int(),
  recomputed: z.int().describe('期限因此重新计算的未办结申请数'),
});
