import type { Report } from '../../report/schema.ts';
import type { Finding } from '../finding.ts';
import { violation } from '../make-finding.ts';
import { allSentences, type NarrativeParagraphs, quote, sentenceLocation } from './narrative-input.ts';

/** Characters that make "X市" a common word, not a place: 全市, 我市, 本市, 该市, 各市, 城市… */
const NOT_A_PLACE = /[全我本该各城市两省县区地州盟门超]$/;
const NAME_TAKING_VERBS = '发布|公开|公布|做好|印发|转发|报送';

/** How the narrative was read: `scanned` when OCR read it from page images. */
export interface NarrativeReading {
  scanned?: boolean;
}

/**
 * N-10: the agency's own units named with another place. "淄博市大数据局" writing
 * "准备市大数据中心" has mistyped its city: a "<two characters>市<the agency's line of work>"
 * whose place is not the agency's own is reported. In a scan, a place one character off the
 * agency's own (“引试市” for 测试市, the 落款 under a red seal) is how OCR misreads a character,
 * not a defect of the report: it is not reported.
 */
export function checkOwnUnitPlaceNames(
  report: Report,
  paragraphs: NarrativeParagraphs,
  reading: NarrativeReading = {},
): Finding[] {
  const m = /^(.{2,6}?市)(.{2,8}?)(局|委员会|委|办公室|办|中心|厅)$/.exec(report.agency.replace(/\s+/g, ''));
  if (!m) return [];
  const city = m[1]!;
  const work = m[2]!;
  const findings: Finding[] = [];
  // The place must start a name: after a list mark or a verb that takes the name as its object.
  const pattern = new RegExp(
    `(?:^|[、，,和与及]|${NAME_TAKING_VERBS})([\\u4e00-\\u9fa5]{2})市(${work}[\\u4e00-\\u9fa5]{0,4}?(?:局|中心|委员会|委|办公室|办|所|站|队)?)`,
    'g',
  );
  const needle = `市${work}`;
  for (const s of allSentences(paragraphs)) {
    // Most sentences never name a unit of the agency's line of work: skip them before the regex.
    if (!s.text.includes(needle)) continue;
    const wrong = [...s.text.matchAll(pattern)]
      .map((x) => ({ place: x[1]!, unit: x[2]! }))
      .filter(
        ({ place }) =>
          `${place}市` !== city &&
          !NOT_A_PLACE.test(place) &&
          !city.endsWith(`${place}市`) &&
          !(reading.scanned && oneCharacterOff(place, city.slice(-3, -1))),
      );
    if (wrong.length === 0) continue;
    const names = [...new Set(wrong.map((w) => `${w.place}市${w.unit}`))];
    findings.push(
      violation(
        'N-10',
        `“${names.join('、')}”中的地名与本机关所在的${city}不符，可能是“${city}${wrong[0]!.unit}”的笔误（“${quote(s.text)}”）`,
        sentenceLocation(s),
      ),
    );
  }
  return findings;
}

/** Two places of two characters that differ in exactly one of them. */
function oneCharacterOff(place: string, own: string): boolean {
  return place.length === 2 && own.length === 2 && (place[0] === own[0]) !== (place[1] === own[1]);
}
