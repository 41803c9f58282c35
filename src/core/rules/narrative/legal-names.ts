import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';
import { allSentences, type NarrativeParagraphs, quote, sentenceLocation } from './narrative-input.ts';

const CORRECT_TITLES = new Set(['中华人民共和国政府信息公开条例', '政府信息公开条例']);

/**
 * N-08: the regulation is 《中华人民共和国政府信息公开条例》 (国务院令第711号, revised 2019); a
 * title naming a 公开 regulation otherwise does not exist, and 第492号 is the repealed 2007 text.
 */
export function checkLegalNames(paragraphs: NarrativeParagraphs): Finding[] {
  const findings: Finding[] = [];
  for (const s of allSentences(paragraphs)) {
    // Most sentences cite nothing: the patterns are not even tried on them.
    const cites = s.text.includes('条例》');
    for (const m of cites ? s.text.matchAll(/《([^》]{2,30}?公开[^》]{0,10}?条例)》/g) : []) {
      const title = m[1]!.replace(/\s+/g, '');
      if (CORRECT_TITLES.has(title)) continue;
      findings.push(
        violation(
          'N-08',
          `法规名称《${title}》有误，应为《中华人民共和国政府信息公开条例》（“${quote(s.text)}”）`,
          sentenceLocation(s),
        ),
      );
    }
    const order = s.text.includes('国务院令');
    for (const m of order ? s.text.matchAll(/国务院令\s*(第)?\s*(\d+)\s*号/g) : []) {
      if (m[2] === '492') {
        findings.push(
          violation(
            'N-08',
            `引用的国务院令第492号是已被修订的2007年版条例，现行条例为国务院令第711号（“${quote(s.text)}”）`,
            sentenceLocation(s),
          ),
        );
      } else if (!m[1]) {
        findings.push(
          violation('N-08', `文号“${m[0]}”应写作“国务院令第${m[2]}号”`, sentenceLocation(s), 'info'),
        );
      }
    }
  }
  return findings;
}
