/**
 * Placeholders: where a drafted section needs a fact no record holds, the draft says what to fill
 * in, as “（请……填写……）”. One shape, made here and found here, so that a report still carrying
 * one is an error (N-12) that blocks submission — never published as is.
 */
export function placeholder(instruction: string): string {
  return `（请${instruction}）`;
}

/** “（请…）” asking for something to be filled in, checked or added: not a remark such as “（请见附件）”. */
const PLACEHOLDER = /（请[^（）]{0,100}?(?:填写|填报|补充|核实|核对|确认)[^（）]{0,100}）/g;

/** The placeholders left in `text`, in order, with their character offsets. */
export function findPlaceholders(text: string): { text: string; at: number }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ text: m[0], at: m.index }));
}
