/**
 * Text similarity for copied reports (DOMAIN.md §B3: reports ≈90% identical to the previous
 * year). Character bigram shingles over the text with whitespace, digits and punctuation
 * removed — so a report that only changed its numbers and the year still scores as copied — and
 * the Jaccard index of the two shingle sets. Deterministic, linear in the text length.
 */
function shingles(text: string): Set<string> {
  const clean = text.normalize('NFKC').replace(/[\s\d\p{P}\p{S}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= clean.length; i += 1) out.add(clean.slice(i, i + 2));
  return out;
}

/** 0 (nothing shared) … 1 (same wording); null when either text is too short to judge. */
export function textSimilarity(a: string, b: string, minShingles = 30): number | null {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size < minShingles || sb.size < minShingles) return null;
  let shared = 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const s of small) if (large.has(s)) shared += 1;
  return Math.round((shared / (sa.size + sb.size - shared)) * 1000) / 1000;
}

/** From this similarity on, a section is reported as probably copied from the previous year. */
export const COPIED_SECTION_THRESHOLD = 0.8;
