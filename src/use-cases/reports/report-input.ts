import { AppError } from '../../core/errors.ts';

export interface ReportSections {
  overview: string;
  problems: string;
  other: string;
}

/** Reports in the 2021 format (国办公开办函〔2021〕30号) only: earlier years used another table 二. */
export const FIRST_REPORT_YEAR = 2021;

/** Each section at most this many characters (a long report has a few thousand). */
export const MAX_SECTION_LENGTH = 50_000;

/** INVALID_INPUT when a section given is longer than MAX_SECTION_LENGTH. */
export function checkSections(sections: Partial<ReportSections>): void {
  for (const [key, text] of Object.entries(sections)) {
    if (text !== undefined && text.length > MAX_SECTION_LENGTH)
      throw new AppError('INVALID_INPUT', `正文过长（${key}，最多${MAX_SECTION_LENGTH}字）`);
  }
}

/** INVALID_INPUT unless the year is between FIRST_REPORT_YEAR and the year of `today`. */
export function checkYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > current) {
    throw new AppError(
      'INVALID_INPUT',
      `年度应在 ${FIRST_REPORT_YEAR} 至 ${current} 之间（${FIRST_REPORT_YEAR} 年起使用国办公开办函〔2021〕30号格式）`,
    );
  }
}
