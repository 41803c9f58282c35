import type { Report } from '../../report/schema.ts';
import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';
import { allSentences, type NarrativeParagraphs, quote, sentenceLocation } from './narrative-input.ts';

const FORWARD_LOOKING = /下一步|计划|将于|将要|拟|明年|下年|目标|规划|预计|力争|展望|十四五|十五五|要点/;

/**
 * N-07: section 一 accounts for the report year, so a later year is suspicious unless the sentence
 * looks ahead. Budgets and final accounts are checked by their nature: a 决算 of the report year
 * or later, or a 预算 of a later year, cannot have been published within the year.
 */
export function checkAnachronisticYears(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  const findings: Finding[] = [];
  for (const s of allSentences(paragraphs, ['overview'])) {
    // Most sentences name no year: nothing to match.
    if (!s.text.includes('年')) continue;
    const problems: string[] = [];
    for (const m of s.text.matchAll(/(\d{4})\s*年度?\s*(?:部门)?(预算|决算)/g)) {
      const year = Number(m[1]);
      if (m[2] === '决算' && year >= report.year)
        problems.push(`${year}年决算在 ${report.year} 年内尚不能公开`);
      if (m[2] === '预算' && year > report.year)
        problems.push(`${year}年预算在 ${report.year} 年内通常尚未批准公开`);
    }
    if (problems.length === 0 && !FORWARD_LOOKING.test(s.text)) {
      const later = [...s.text.matchAll(/(?<![\d〔[])(\d{4})\s*年/g)]
        .map((m) => Number(m[1]))
        .filter((y) => y > report.year && y < 2100);
      if (later.length > 0) problems.push(`提到了晚于报告年度的 ${later[0]} 年`);
    }
    if (problems.length > 0) {
      findings.push(
        violation(
          'N-07',
          `${report.year} 年度报告${problems.join('；')}，年份可能有误（“${quote(s.text)}”）`,
          sentenceLocation(s),
        ),
      );
    }
  }
  return findings;
}

/** Campaigns whose mention in a much later report suggests text reused from an earlier year (DOMAIN §B3). */
const DATED_CAMPAIGNS: Array<[RegExp, number, string]> = [
  [/党史学习教育/, 2021, '党史学习教育'],
  [/不忘初心、?牢记使命.{0,2}主题教育/, 2019, '“不忘初心、牢记使命”主题教育'],
  [/两学一做/, 2016, '“两学一做”学习教育'],
];

/** N-07 (info): a report mentioning a campaign of an earlier year may have copied last year's text. */
export function checkDatedCampaigns(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  const findings: Finding[] = [];
  for (const s of allSentences(paragraphs, ['overview'])) {
    for (const [pattern, year, name] of DATED_CAMPAIGNS) {
      if (pattern.test(s.text) && report.year >= year + 2) {
        findings.push(
          violation(
            'N-07',
            `${report.year} 年度报告提到 ${year} 年开展的${name}，可能沿用了往年文字（“${quote(s.text)}”）`,
            sentenceLocation(s),
            'info',
          ),
        );
      }
    }
  }
  return findings;
}
