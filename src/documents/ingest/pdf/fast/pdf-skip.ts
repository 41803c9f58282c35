import { CLASS, isSpace } from './pdf-bytes.ts';
import type { PdfLexer } from './pdf-lexer.ts';
import { PdfOperator, unsupported } from './pdf-objects.ts';

/** Most nesting of arrays and dictionaries accepted (hostile input must not blow the stack). */
export const MAX_DEPTH = 64;

const ID = PdfOperator.keyword('ID');

/** Skips the array or dictionary that starts at the position, checking only its brackets and strings. */
export function skipComposite(lexer: PdfLexer, depth: number): void {
  const { bytes, end } = lexer;
  let pos = lexer.pos;
  let nesting = 0;
  do {
    if (pos >= end) unsupported('unterminated array or dictionary');
    const b = bytes[pos]!;
    // Most bytes (names, numbers, whitespace) are no bracket, string or comment: one lookup.
    if (CLASS[b] !== 2 || b === 0x2f) {
      pos += 1;
      continue;
    }
    if (b === 0x5b || (b === 0x3c && bytes[pos + 1] === 0x3c)) {
      nesting += 1;
      if (depth + nesting > MAX_DEPTH) unsupported('nesting too deep');
      pos += b === 0x5b ? 1 : 2;
    } else if (b === 0x5d || (b === 0x3e && bytes[pos + 1] === 0x3e)) {
      nesting -= 1;
      pos += b === 0x5d ? 1 : 2;
    } else if (b === 0x28 || b === 0x3c) {
      lexer.pos = pos;
      if (b === 0x28) lexer.literalString();
      else lexer.hexString();
      pos = lexer.pos;
    } else if (b === 0x25) {
      while (pos < end && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos += 1;
    } else unsupported('unexpected delimiter');
  } while (nesting > 0);
  lexer.pos = pos;
}

/** Skips an inline image's dictionary and data, up to and including EI. */
export function skipInlineImage(lexer: PdfLexer): void {
  for (let tokens = 0; ; tokens += 1) {
    const token = lexer.next();
    if (token === undefined || tokens > 1000) unsupported('unterminated inline image');
    if (token === ID) break;
  }
  const { bytes, end } = lexer;
  let pos = lexer.pos + 1;
  while (pos + 1 < end) {
    if (
      bytes[pos] === 0x45 &&
      bytes[pos + 1] === 0x49 &&
      isSpace(bytes[pos - 1]) &&
      (pos + 2 >= end || isSpace(bytes[pos + 2]))
    ) {
      lexer.pos = pos + 2;
      return;
    }
    pos += 1;
  }
  unsupported('inline image without EI');
}
