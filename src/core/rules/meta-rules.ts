import type { Report } from '../report/schema.ts';
import type { Finding } from './finding.ts';
import { notAssessable, violation } from './make-finding.ts';

/** S-02: the statistical period is the calendar year of the report; the title names that year. */
export function checkPeriod(report: Report): Finding[] {
  const findings: Finding[] = [];
  const period = report.period ?? null;
  if (period === null) {
    findings.push(notAssessable('S-02', '报告未写明统计期限', { section: 'meta' }));
  } else if (period.start !== `${report.year}-01-01` || period.end !== `${report.year}-12-31`) {
    findings.push(
      violation(
        'S-02',
        `统计期限为 ${period.start} 至 ${period.end}，应为 ${report.year} 年 1 月 1 日至 12 月 31 日`,
        { section: 'meta' },
      ),
    );
  }
  const titleYears = [...(report.title ?? '').matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
  const otherYear = titleYears.find((y) => y !== report.year);
  if (otherYear !== undefined) {
    findings.push(
      violation('S-02', `标题中的年份 ${otherYear} 与报告年度 ${report.year} 不一致`, { section: 'title' }),
    );
  }
  return findings;
}

/**
 * P-01 (条例第四十九、五十条): a department publishes by 31 January of the following year, a
 * government's own report (by its competent office) by 31 March. Which applies cannot be told
 * from the numbers, so a date between the two is a warning that names both.
 */
export function checkPublicationDate(report: Report): Finding[] {
  const published = report.publishedOn;
  if (published === null)
    return [notAssessable('P-01', '报告未注明发布日期，无法判断是否按期公布', { section: 'meta' })];
  const next = report.year + 1;
  if (published <= `${report.year}-12-31`) {
    return [
      violation('P-01', `发布日期 ${published} 早于统计期限结束（${report.year}-12-31），请核实`, {
        section: 'meta',
      }),
    ];
  }
  if (published > `${next}-03-31`) {
    return [
      violation(
        'P-01',
        `发布日期 ${published} 晚于 ${next} 年 3 月 31 日：无论部门还是人民政府的年度报告均已逾期`,
        { section: 'meta' },
        'error',
      ),
    ];
  }
  if (published > `${next}-01-31`) {
    return [
      violation(
        'P-01',
        `发布日期 ${published} 晚于 ${next} 年 1 月 31 日：政府部门的年度报告已逾期（人民政府本级年度报告的期限为 3 月 31 日）`,
        {
          section: 'meta',
        },
      ),
    ];
  }
  return [];
}
