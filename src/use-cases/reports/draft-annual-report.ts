import { countAnswerTimeliness } from '../../core/applications/answer-timeliness.ts';
import type { ReportNumbers } from '../../core/report/report-numbers.ts';
import { REPORT_SCHEMA_ID, type Report } from '../../core/report/schema.ts';
import { draftNarrative } from '../../core/work-records/draft-narrative.ts';
import { summariseWork } from '../../core/work-records/work-summary.ts';
import { concludedInYear } from '../../store/applications/concluded-in-year.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { countReportNumbers } from '../../store/reports/count-report-numbers.ts';
import type { AgencyFacts } from '../../store/reports/report-findings.ts';
import { loadWorkRecordsOfYear } from '../../store/work-records/load-work-records.ts';
import type { ReportSections } from './report-input.ts';

/**
 * A new report document of an agency-year: tables 二/三/四 counted from the records by the
 * database; sections 一 and 六 not given are drafted from the numbers, the year's answers on time
 * and late (core answerTimeliness) and the year's work records (draftNarrative), 五 is left empty.
 */
export async function draftAnnualReport(
  db: StoreDb,
  agencyId: string,
  agency: AgencyFacts,
  year: number,
  sections: Partial<ReportSections>,
): Promise<Report> {
  const numbers: ReportNumbers = await countReportNumbers(db, agencyId, year);
  const work = summariseWork(await loadWorkRecordsOfYear(db, agencyId, year));
  const timeliness = countAnswerTimeliness(await concludedInYear(db, agencyId, year));
  const drafted = draftNarrative(work, numbers, year, agency.name, timeliness);
  return {
    schema: REPORT_SCHEMA_ID,
    formatVersion: '2021',
    agency: agency.name,
    year,
    publishedOn: null,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    title: `${agency.name}${year}年政府信息公开工作年度报告`,
    sections: {
      overview: sections.overview ?? drafted.overview,
      problems: sections.problems ?? '',
      other: sections.other ?? drafted.other,
    },
    ...numbers,
  };
}
