import { describe, expect, it } from 'vitest';
import { PdfLexer } from './pdf-lexer.ts';
import { MAX_INTERNED, PdfName, PdfOperator } from './pdf-objects.ts';

/** `count` distinct names and keywords (short ones and long ones), as a hostile content stream would hold. */
function flood(count: number): Uint8Array {
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1)
    parts.push(`/n${i.toString(36)} /long-name-${i} k${i.toString(36)} op-${i}`);
  return Buffer.from(parts.join('\n'), 'latin1');
}

describe('the fast reader’s interning caches', () => {
  it('stay within MAX_INTERNED however many distinct names and keywords the files hold', () => {
    const lexer = new PdfLexer(flood(MAX_INTERNED * 3));
    let tokens = 0;
    while (lexer.next() !== undefined) tokens += 1;
    expect(tokens).toBe(MAX_INTERNED * 3 * 4);
    expect(PdfName.internedCount()).toBeLessThanOrEqual(MAX_INTERNED);
    expect(PdfOperator.internedCount()).toBeLessThanOrEqual(MAX_INTERNED);
  });

  it('still reads the keywords it compares by identity after a flood, and names by their text', () => {
    new PdfLexer(flood(MAX_INTERNED * 2)).next();
    const lexer = new PdfLexer(Buffer.from('12 0 obj << /Type /Font >> endobj trailer', 'latin1'));
    expect(lexer.next()).toBe(12);
    expect(lexer.next()).toBe(0);
    expect(lexer.next()).toBe(PdfOperator.keyword('obj'));
    const dict = lexer.object(true);
    expect(dict).not.toBeInstanceOf(PdfOperator);
    expect((dict as { get(key: string): unknown }).get('Type')).toEqual(PdfName.of('Font'));
    expect(lexer.next()).toBe(PdfOperator.of('endobj'));
    expect(lexer.next()).toBe(PdfOperator.keyword('trailer'));
  });
});
