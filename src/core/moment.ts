import type { IsoDate } from './dates.ts';

/**
 * "Now" as the store needs it, passed in by the caller (no clock inside the store): the instant,
 * for timestamps (created_at, audit), and the calendar day in China, for the procedure's dates.
 */
export interface Moment {
  at: Date;
  today: IsoDate;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Moment of an instant, its day taken in China Standard Time (UTC+8, no daylight saving). */
export function momentOf(at: Date): Moment {
  return { at, today: new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10) };
}
