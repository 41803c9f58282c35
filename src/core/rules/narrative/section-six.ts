import type { Report } from '../../report/schema.ts';
import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';

/**
 * S-03: section 六 reports, under 30号, the 信息处理费 charged (国办函〔2020〕109号) and the
 * implementation of the year's 政务公开工作要点 (M: DOMAIN.md §A.1); a section with neither is
 * perfunctory (DOMAIN §B5). Not asked of a report in the 2019 format (60号): both requirements
 * came later (109号 applies from 2021, the 要点 item is 30号's).
 */
export function checkSectionSix(report: Report): Finding[] {
  if (report.formatVersion === '2019') return [];
  const text = report.sections.other;
  const location = { section: 'other' as const };
  if (text.trim() === '')
    return [
      violation(
        'S-03',
        '“六、其他需要报告的事项”为空：至少应报告信息处理费收取情况和年度政务公开工作要点落实情况',
        location,
      ),
    ];
  const findings: Finding[] = [];
  if (!/处理费|收费|收取/.test(text))
    findings.push(violation('S-03', '第六部分未报告信息处理费收取情况（国办函〔2020〕109号）', location));
  if (!/要点|实施方案|工作安排|工作任务/.test(text)) {
    findings.push(
      violation(
        'S-03',
        '第六部分未报告本年度政务公开工作要点落实情况（国办公开办函〔2021〕30号要求的内容）',
        location,
      ),
    );
  }
  return findings;
}

/** S-04: section 五 must name concrete problems and remedies; an empty section is a defect (DOMAIN §B5). */
export function checkSectionFive(report: Report): Finding[] {
  return report.sections.problems.trim() === ''
    ? [violation('S-04', '“五、存在的主要问题及改进情况”为空', { section: 'problems' })]
    : [];
}
