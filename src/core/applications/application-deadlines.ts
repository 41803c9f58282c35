import type { IsoDate } from '../dates.ts';
import type { DeadlineResult } from '../deadlines/deadline-result.ts';
import { isAppError } from '../errors.ts';
import type { Application } from './application.ts';
import { deadlineOfApplication } from './deadline-of-application.ts';

/**
 * An application's deadlines as of a day: the result, or null with the reason (`note`) when the
 * core cannot compute them (a date beyond the calendar's 2000–2100 bound, or a history the
 * deadline rules refuse). Dates through a year without an entered arrangement are 暂定, not null.
 */
export type ApplicationDeadlines = { result: DeadlineResult; note: null } | { result: null; note: string };

/** The deadlines of an application as of `today`, computed once for whoever shows them. */
export function applicationDeadlines(
  application: Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn' | 'events'>,
  today: IsoDate,
): ApplicationDeadlines {
  try {
    return { result: deadlineOfApplication(application, today), note: null };
  } catch (error) {
    if (isAppError(error) && (error.code === 'CALENDAR_UNKNOWN' || error.code === 'INVALID_INPUT')) {
      return { result: null, note: error.message };
    }
    throw error;
  }
}
