import type { Report } from '../../report/schema.ts';
import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';
import { allSentences, type NarrativeParagraphs, quote, sentenceLocation } from './narrative-input.ts';

const DOUBLED = /(的的|及及|和和|在在|对对|与与|为为|了了|是是)/;

/**
 * N-11 (info): slips a proof-reader would mark — a Latin word inside Chinese text, a doubled
 * character, "比…相比", a year without 年, a sub-heading cut short, sub-heading numbers with
 * half-width and full-width parentheses mixed, stray spaces in the title.
 */
export function checkWording(report: Report, paragraphs: NarrativeParagraphs): Finding[] {
  const findings: Finding[] = [];
  const note = (message: string, s: Parameters<typeof sentenceLocation>[0]) =>
    findings.push(violation('N-11', `${message}（“${quote(s.text)}”）`, sentenceLocation(s), 'info'));
  for (const s of allSentences(paragraphs)) {
    const latin = /[a-z]/.test(s.text)
      ? /[\u4e00-\u9fa5]\s*\b(and|or|the|of)\b\s*[\u4e00-\u9fa5]/.exec(s.text)
      : null;
    if (latin) note(`中文句子中夹有英文单词“${latin[1]}”`, s);
    const doubled = DOUBLED.exec(s.text);
    if (doubled) note(`疑似多字“${doubled[1]}”`, s);
    if (/比[^，。；]{0,12}相比/.test(s.text)) note('“比……相比”句式杂糅，应为“与……相比”或“比……”', s);
    // Only in headings: an event name such as “2023 云天大会” legitimately has a bare year.
    const bareYear =
      s.text.length <= 30 ? /(?<![\d〔[“"])(20\d{2})\s+(?=[\u4e00-\u9fa5])(?![年度])/.exec(s.text) : null;
    if (bareYear) note(`年份“${bareYear[1]}”后缺少“年”字`, s);
    if (
      s.index === 0 &&
      /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))[^。，；]{2,20}情$/.test(s.text)
    ) {
      note('小标题不完整，疑缺“况”字', s);
    }
  }
  const headings = paragraphs.overview
    .map((p) => /^(（|\()[一二三四五]+(）|\))/.exec(p.text)?.[1])
    .filter((h) => h !== undefined);
  if (headings.includes('(') && headings.includes('（')) {
    const first = paragraphs.overview.find((p) => p.text.startsWith('('));
    findings.push(
      violation(
        'N-11',
        '“一、总体情况”的小标题序号混用半角“( )”和全角“（ ）”括号',
        { section: 'overview', ...(first?.source ? { source: first.source } : {}) },
        'info',
      ),
    );
  }
  if (report.title && /[\u4e00-\u9fa5]\s+[\u4e00-\u9fa5]/.test(report.title)) {
    findings.push(violation('N-11', `标题“${report.title}”中有多余的空格`, { section: 'title' }, 'info'));
  }
  return findings;
}
