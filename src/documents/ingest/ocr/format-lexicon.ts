import { FORMAT_CAPTIONS, SECTION_CAPTIONS } from '../../../core/report/labels.ts';

/*
 * The format's fixed captions (FORMAT_CAPTIONS) are mended from what OCR makes of them (“茜上公开” for 禁止公开, “报各”
 * for 报告). A text is snapped to a caption only when it has the caption's characters but for at
 * most two look-alike substitutions (and punctuation): a printed variant that adds or drops words
 * (“其他法律法规禁止公开”, “五、存在问题及改进情况”) is never snapped, so that the checker still
 * reports it (N-09, S-01).
 */

/** How every report title ends. */
const TITLE_END = '政府信息公开工作年度报告';

/** Brackets OCR mistakes for each other, punctuation it drops or adds, width: all set aside for comparing. */
function skeleton(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[〈《<［[{【]/g, '(')
    .replace(/[〉》>］\]}】]/g, ')')
    .replace(/[.．、,，:：;；。·'"“”‘’]/g, '')
    .replace(/\(+/g, '(')
    .replace(/\)+/g, ')');
}

/** As skeleton, but punctuation kept: a character OCR read as punctuation (“情;” for 情况) is a substitution. */
function withPunctuation(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[〈《<［[{【]/g, '(')
    .replace(/[〉》>］\]}】]/g, ')');
}

const FULL_BY_LENGTH = new Map<number, { full: string; caption: string }[]>();
for (const caption of FORMAT_CAPTIONS) {
  const f = withPunctuation(caption);
  FULL_BY_LENGTH.set(f.length, [...(FULL_BY_LENGTH.get(f.length) ?? []), { full: f, caption }]);
}

const BY_LENGTH = new Map<number, { skeleton: string; caption: string }[]>();
for (const caption of FORMAT_CAPTIONS) {
  const s = skeleton(caption);
  BY_LENGTH.set(s.length, [...(BY_LENGTH.get(s.length) ?? []), { skeleton: s, caption }]);
}

const SECTION_SKELETONS = new Map<string, string>(SECTION_CAPTIONS.map((c) => [skeleton(c), c]));

function substitutions(a: string, b: string, max: number): number {
  let n = 0;
  for (let i = 0; i < a.length && n <= max; i += 1) if (a[i] !== b[i]) n += 1;
  return n;
}

/** Most look-alike substitutions allowed in a caption of `length` characters. */
function allowed(length: number): number {
  return length < 4 ? 0 : length < 10 ? 1 : 2;
}

/** The text, or the format caption it is an OCR misreading of. */
export function snapToFormat(text: string): string {
  const s = skeleton(text);
  if (s.length === 0) return text;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const entry of BY_LENGTH.get(s.length) ?? []) {
    const d = substitutions(s, entry.skeleton, allowed(s.length));
    if (d <= allowed(s.length) && d < bestDistance) [best, bestDistance] = [entry.caption, d];
  }
  const f = withPunctuation(text);
  for (const entry of FULL_BY_LENGTH.get(f.length) ?? []) {
    const d = substitutions(f, entry.full, allowed(f.length));
    if (d <= allowed(f.length) && d < bestDistance) [best, bestDistance] = [entry.caption, d];
  }
  if (best !== null)
    return bestDistance === 0 && text.normalize('NFKC') === best.normalize('NFKC') ? text : best;
  // A speck read as a character before a section's numeral (“和六、其他需要报告的事项”): a section
  // starts its line with its numeral, so one character before an exact section caption is no print.
  const section = SECTION_SKELETONS.get(s.slice(1));
  if (section !== undefined && !/[一二三四五六七八九十]/.test(s[0]!)) return section;
  // A title: “……年度报各” is “……年度报告”.
  const raw = text.trimEnd();
  const last = raw.slice(-TITLE_END.length);
  if (last.length === TITLE_END.length && substitutions(last, TITLE_END, 1) === 1) {
    return raw.slice(0, -TITLE_END.length) + TITLE_END;
  }
  return text;
}

/** OCR confidence below which a table cell's caption is read badly enough to be matched loosely. */
export const DOUBTFUL_CAPTION = 60;

/**
 * A caption of a table cell OCR read badly (confidence under DOUBTFUL_CAPTION: “1本机关丰各所相关政府”
 * for “1.本机关不掌握相关政府信息”): the format caption at most two fifths of its characters away
 * (substituted, dropped or added), when exactly one caption is that close and no other as close.
 * A caption read with confidence is never matched loosely, so a printed variant is still reported.
 */
export function snapDoubtfulCaption(text: string): string {
  const s = skeleton(text);
  if (s.length < 6) return text;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const caption of FORMAT_CAPTIONS) {
    const c = skeleton(caption);
    if (c.length < 6) continue;
    const limit = Math.floor(c.length * 0.4);
    if (Math.abs(c.length - s.length) > limit) continue;
    const d = editDistance(s, c);
    if (d > limit) continue;
    if (d < bestDistance) [best, bestDistance, tie] = [caption, d, false];
    else if (d === bestDistance && caption !== best) tie = true;
  }
  return best !== null && !tie ? best : text;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
