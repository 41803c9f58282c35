/** The slips OCR makes reading a count: what the proofreader may assume was printed instead. */

/** Digits OCR confuses with each other. */
const CONFUSABLE: Record<string, string> = {
  '0': '689',
  '1': '7',
  '3': '58',
  '5': '368',
  '6': '058',
  '7': '1',
  '8': '03569',
  '9': '08',
};

/** A count as OCR may read it: one to nine digits. */
export const DIGITS = /^\d{1,9}$/;

/** Readings one OCR slip away from `text`: a confusable digit, a digit dropped, a digit added. */
export function alternativeReadings(text: string): number[] {
  const found = new Set<string>();
  for (let i = 0; i < text.length; i += 1) {
    for (const d of CONFUSABLE[text[i]!] ?? '') found.add(text.slice(0, i) + d + text.slice(i + 1));
    if (text.length > 1) found.add(text.slice(0, i) + text.slice(i + 1));
  }
  if (text.length < 9) {
    for (let i = 0; i <= text.length; i += 1) {
      for (const d of '0123456789') found.add(text.slice(0, i) + d + text.slice(i));
    }
  }
  found.delete(text);
  return [...found].filter((s) => s.length === 1 || !s.startsWith('0')).map(Number);
}
