import { describe, expect, it } from 'vitest';
import { readPlainIntegers } from './pdf-integer-array.ts';
import { PdfLexer } from './pdf-lexer.ts';
import { PdfOperator, PdfRef } from './pdf-objects.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

/** The array `text` as the lexer reads it, and the position it stops at. */
function lexArray(text: string): { value: unknown; pos: number } {
  const lexer = new PdfLexer(bytes(text));
  const value = lexer.object(true);
  return { value, pos: lexer.pos };
}

describe('readPlainIntegers', () => {
  it('reads an array of unsigned integers in one pass, up to its `]`', () => {
    expect(readPlainIntegers(bytes('[1000 0\n0 278 ]/Next'), 1, 20)).toEqual({
      values: [1000, 0, 0, 278],
      end: 15,
    });
    expect(readPlainIntegers(bytes('[]'), 1, 2)).toEqual({ values: [], end: 2 });
  });

  it('leaves references, signs, decimals, comments and strings to the lexer', () => {
    for (const text of ['[1 0 R]', '[1 -2]', '[1 .5]', '[12.5]', '[1 %c\n2]', '[(a) 1]', '[1/A]', '[1 2'])
      expect(readPlainIntegers(bytes(text), 1, text.length), text).toBeNull();
  });
});

describe('the lexer’s arrays', () => {
  it('read the same with and without the one-pass path', () => {
    expect(lexArray('[1000 0 0 278] x')).toEqual({ value: [1000, 0, 0, 278], pos: 14 });
    expect(lexArray('[3 0 R 7 1 R 5]')).toEqual({ value: [new PdfRef(3, 0), new PdfRef(7, 1), 5], pos: 15 });
    expect(lexArray('[1 -2 .5 3]').value).toEqual([1, -2, 0.5, 3]);
    expect(lexArray('[ 1 2 ]').value).toEqual([1, 2]);
  });

  it('still refuse a number glued to a regular character', () => {
    expect(() => lexArray('[12a 3]')).toThrow();
    expect(lexArray('[1 2]').value).not.toBeInstanceOf(PdfOperator);
  });
});
