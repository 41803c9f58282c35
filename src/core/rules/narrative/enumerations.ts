import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';
import {
  type NarrativeParagraphs,
  type NarrativeSection,
  quote,
  sentenceLocation,
  sentencesOf,
} from './narrative-input.ts';

/** Counting units whose numbers an enumeration adds up (not 年, 月, 元, %…). */
const COUNT = /(\d+)\s*(条|个|件|篇|份|项|次|期|场)(?![\d年月日])/g;
const YEAR_OR_TITLE = /《[^》]*》|〔\d{4}〕|\d{4}\s*年度?/g;
/**
 * A count whose number is garbled by a mark that never stands between a number and its unit
 * (“1]条”, “2|件”: how OCR reads a digit's edge or a stroke of a seal): it cannot be added up, and an
 * enumeration holding one is not judged (an N-06 on it would blame the agency for the reading).
 */
const GARBLED_COUNT = /\d\s*[\][|｜!]+\s*(?:条|个|件|篇|份|项|次|期|场)/;

interface Count {
  value: number;
  text: string;
  /** The count is of applications carried over or forward (结转), not a part of a year's total. */
  carried: boolean;
}

/** Numbers with a counting unit in a text, "A和B各 N 条" counted once per item. */
function counts(text: string): Count[] {
  const clean = text.replace(YEAR_OR_TITLE, (m) => ' '.repeat(m.length));
  const out: Count[] = [];
  for (const m of clean.matchAll(COUNT)) {
    const before = clean.slice(0, m.index);
    let factor = 1;
    if (/各\s*$/.test(before)) {
      const clause = before.slice(before.lastIndexOf('，') + 1);
      factor = 1 + (clause.match(/和|及|与|、/g)?.length ?? 0);
    }
    const clause = before.slice(
      Math.max(...['，', '、', '；', '：', ',', ';'].map((c) => before.lastIndexOf(c))) + 1,
    );
    out.push({
      value: Number(m[1]) * factor,
      text: factor > 1 ? `${m[0]}×${factor}` : m[0],
      carried: /结转/.test(clause),
    });
  }
  return out;
}

/**
 * N-06: after "其中", the enumerated sub-counts must not exceed the stated total and normally add
 * up to it. The total is the last count before "其中" in the same or the previous sentence; the
 * enumeration runs to the end of its sentence, and on through the paragraph while it still falls
 * short of the total (reports continue a list over several sentences).
 */
export function checkEnumerations(paragraphs: NarrativeParagraphs): Finding[] {
  const findings: Finding[] = [];
  for (const section of ['overview', 'other'] as NarrativeSection[]) {
    for (const paragraph of paragraphs[section]) {
      const sentences = sentencesOf(section, paragraph);
      sentences.forEach((sentence, i) => {
        const at = sentence.text.indexOf('其中');
        if (at < 0) return;
        const lead = sentence.text.slice(0, at);
        const leadCounts = counts(lead);
        const previousCounts = at <= 1 && i > 0 ? counts(sentences[i - 1]!.text) : [];
        const stated = leadCounts[leadCounts.length - 1] ?? previousCounts[previousCounts.length - 1];
        if (!stated) return;
        const items = counts(sentence.text.slice(at));
        let sum = items.reduce((a, c) => a + c.value, 0);
        let quoted = sentence.text;
        for (let j = i + 1; j < sentences.length && sum < stated.value; j += 1) {
          const more = counts(sentences[j]!.text);
          if (more.length === 0 || /其中|共|全年|累计/.test(sentences[j]!.text)) break;
          items.push(...more);
          sum += more.reduce((a, c) => a + c.value, 0);
          quoted += sentences[j]!.text;
        }
        if (items.length < 2 || sum === stated.value) return;
        if (GARBLED_COUNT.test(lead) || GARBLED_COUNT.test(quoted.slice(at))) return;
        // “办结8件，其中予以公开5件、部分公开3件，结转下年度2件”: what is carried forward is beside
        // the total, not one of its parts (whereas “收到5件，其中…结转下年度1件” lists it as a part).
        const concludedOnly = items.filter((c) => !c.carried);
        if (
          concludedOnly.length < items.length &&
          concludedOnly.reduce((a, c) => a + c.value, 0) === stated.value
        ) {
          return;
        }
        const biggest = items.reduce((a, c) => (c.value > a.value ? c : a));
        const message =
          biggest.value > stated.value
            ? `“其中”所列分项“${biggest.text}”超过了总数 ${stated.text}（分项合计 ${sum}）`
            : sum > stated.value
              ? `“其中”所列分项合计 ${sum}，超过了总数 ${stated.text}`
              : `“其中”所列分项合计 ${sum}，与总数 ${stated.text} 不一致（${items.map((c) => c.text).join('+')}）`;
        findings.push(violation('N-06', `${message}：“${quote(quoted)}”`, sentenceLocation(sentence)));
      });
    }
  }
  return findings;
}
