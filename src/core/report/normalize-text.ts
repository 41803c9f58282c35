/**
 * Text normalisation for matching what reports print against the official labels (rule N-09):
 * width (NFKC: （ → (, ０ → 0), whitespace, parenthesis and list-marker variants, quotes.
 * Used for matching only; what a document printed is always kept as printed.
 */

/** NFKC and every kind of whitespace removed. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b\u3000]+/g, '');
}

/**
 * The form labels are compared in: compact, ASCII parentheses, "1、"/"1．" → "1.", curly and
 * straight quotes unified, trailing punctuation dropped, Markdown emphasis removed.
 */
export function normalizeLabel(text: string): string {
  const cached = labelCache.get(text);
  if (cached !== undefined) return cached;
  const label = normalizeUncached(text);
  if (labelCache.size >= MAX_CACHED_LABELS) labelCache.clear();
  labelCache.set(text, label);
  return label;
}

/** Labels repeat from report to report; a bounded memo keeps matching fast on large batches. */
const labelCache = new Map<string, string>();
const MAX_CACHED_LABELS = 20_000;

function normalizeUncached(text: string): string {
  return compact(text)
    .replace(/\*\*/g, '')
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/(\d)[、,，](?=\D)/g, '$1.')
    .replace(/["“”「」『』]/g, '"')
    .replace(/^[:：。;；,，.]+|[:：。;；,，]+$/g, '');
}

/** Chinese numerals 一…十 as used in captions. */
export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
