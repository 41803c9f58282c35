import { findPlaceholders } from '../../report/placeholder.ts';
import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';
import { type NarrativeParagraphs, type NarrativeSection, sentenceLocation } from './narrative-input.ts';

/**
 * N-12 (error): a placeholder of the drafting (“（请根据……填写……）”) left in the text. Searched in
 * whole paragraphs: a placeholder may hold a “；”, where sentences are split.
 */
export function checkPlaceholders(paragraphs: NarrativeParagraphs): Finding[] {
  const findings: Finding[] = [];
  for (const [section, list] of Object.entries(paragraphs) as [
    NarrativeSection,
    NarrativeParagraphs[NarrativeSection],
  ][]) {
    for (const paragraph of list) {
      for (const left of findPlaceholders(paragraph.text)) {
        const where = sentenceLocation({ section, text: left.text, paragraph, index: 0, at: left.at });
        findings.push(
          violation('N-12', `正文中仍有待填写的占位文字“${left.text}”：请填写实际情况后再提交`, where),
        );
      }
    }
  }
  return findings;
}
