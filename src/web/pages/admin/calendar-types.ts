/** Shapes of the calendar API's answers: the route schemas' output types. */
import type { z } from 'zod';
import type {
  calendarResponse,
  parseNoticeResponse,
  savedCalendarResponse,
} from '../../../server/routes/calendar/calendar.schema.ts';

export type CalendarView = z.output<typeof calendarResponse>;
export type CalendarYear = CalendarView['years'][number];
/** The answer to a notice text: the arrangement read from it. */
export type ParsedNotice = z.output<typeof parseNoticeResponse>;
/** A parsed (not yet saved) arrangement: issuedOn may be missing when the notice text had no date line. */
export type ParsedSchedule = ParsedNotice['schedule'];
export type SavedSchedule = z.output<typeof savedCalendarResponse>;
export type HolidayRangeView = CalendarYear['holidays'][number];
