import type { LabelledCount } from './labelled-count.ts';

/** The phrases the narrative draft is written with: lists, breakdowns, dates, sentences and paragraphs. */

const DIGITS = '零一二三四五六七八九';

/** 0…9999 in Chinese numerals (12 → 十二, 205 → 二百零五); larger numbers stay in digits. */
function chineseNumber(n: number): string {
  if (n >= 10_000) return String(n);
  if (n < 10) return DIGITS[n]!;
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + units[i]!;
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}

/**
 * A label as it can stand inside a "其中" list: a number with a counting unit in the label itself
 * ("2个项目节能监察结果") is written in Chinese numerals, so that only the list's own counts are
 * counted (N-06 adds up numbers in digits).
 */
function listLabel(label: string): string {
  return label.replace(/(\d+)(?=\s*(?:条|个|件|篇|份|项|次|期|场))/g, (m) =>
    // Before a measure word 2 is 两 (两个项目), other numbers as they are counted.
    Number(m) === 2 ? '两' : chineseNumber(Number(m)),
  );
}

/** "A3条、B2条" — the parts as they are listed. */
export function list(parts: LabelledCount[], unit: string, prefix = ''): string {
  return parts.map((p) => `${prefix}${listLabel(p.label)}${p.count}${unit}`).join('、');
}

/**
 * What follows a total: "，其中A3条、B2条" when there are several parts, "，均为A" with one
 * (unless it is the remainder `vague`), "" with none.
 */
export function breakdown(
  parts: LabelledCount[],
  unit: string,
  options: { prefix?: string; vague?: string } = {},
) {
  if (parts.length >= 2) return `，其中${list(parts, unit, options.prefix)}`;
  const only = parts[0];
  if (only && only.label !== options.vague)
    return `，均${options.prefix ? options.prefix : '为'}${only.label}`;
  return '';
}

export const percent = (value: number): string => `${value}%`;

/** "9月27日" in the report year, "2024年1月5日" otherwise. */
export function day(date: string, year: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return y === year ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

/** Clauses joined by "，" into one sentence; "" for none. */
export const sentence = (clauses: string[]): string =>
  clauses.length === 0 ? '' : `${clauses.join('，')}。`;
/** The non-empty texts, one paragraph per line. */
export const paragraphs = (texts: string[]): string => texts.filter((t) => t !== '').join('\n');

/** A figure worth stating: recorded and not zero (an unknown or zero count is left out, never written as 0). */
export const positive = (n: number | null): n is number => n !== null && n > 0;
