import type { ProvisionalMark } from '../calendar/provisional-mark.ts';
import { addWorkingDays, provisionalMarkBetween } from '../calendar/workdays.ts';
import type { IsoDate } from '../dates.ts';
import { isAppError } from '../errors.ts';
import type { Disclosure } from './disclosure.ts';

/** 条例第二十六条: proactive information is disclosed within 20 working days of its creation or change. */
export const ART26_WORKING_DAYS = 20;

export interface DisclosureDeadline {
  /** The 20th working day after creation; null only outside the calendar's 2000–2100 bound. */
  dueOn: IsoDate | null;
  /** 暂定 when the 20 working days run through a year without an entered holiday arrangement. */
  dueProvisional: ProvisionalMark | null;
  /** 主动公开 item published after dueOn, or not published and today is past dueOn. */
  overdue: boolean;
}

/** Art. 26 deadline of an item with the official working-day calendar (including 调休). */
export function disclosureDeadline(
  item: Pick<Disclosure, 'attribute' | 'createdOn' | 'publishedOn'>,
  today: IsoDate,
): DisclosureDeadline {
  let dueOn: IsoDate | null;
  try {
    dueOn = addWorkingDays(item.createdOn, ART26_WORKING_DAYS);
  } catch (error) {
    if (isAppError(error) && error.code === 'CALENDAR_UNKNOWN') dueOn = null;
    else throw error;
  }
  const overdue = item.attribute === 'proactive' && dueOn !== null && (item.publishedOn ?? today) > dueOn;
  return { dueOn, dueProvisional: provisionalMarkBetween(item.createdOn, dueOn), overdue };
}
