import { describe, expect, it } from 'vitest';
import { escapeForTerminal, hasUnsafeNameCharacters } from './untrusted-text.ts';

describe('hasUnsafeNameCharacters', () => {
  it('finds C0, DEL, C1 and bidi controls, and nothing in ordinary Chinese names', () => {
    for (const c of ['\u0000', '\t', '\n', '\u001b', '\u007f', '\u0085', '\u009f', '\u200e', '\u200f'])
      expect(hasUnsafeNameCharacters(`甲${c}乙`), JSON.stringify(c)).toBe(true);
    for (const c of ['\u202a', '\u202e', '\u2066', '\u2069'])
      expect(hasUnsafeNameCharacters(`甲${c}乙`), JSON.stringify(c)).toBe(true);
    expect(hasUnsafeNameCharacters('中卫市数据局（中卫数据〔2025〕第0001号）·Café 😀')).toBe(false);
  });
});

describe('escapeForTerminal', () => {
  it('writes escape sequences, bidi controls and lone surrogates visibly, leaving the rest alone', () => {
    expect(escapeForTerminal('a\u001b[2Jb\u202etxt.exe')).toBe('a\\u{1b}[2Jb\\u{202e}txt.exe');
    expect(escapeForTerminal('x\ud800y😀')).toBe('x\\u{d800}y😀');
    expect(escapeForTerminal('行1\n行2\t')).toBe('行1\\u{a}行2\\u{9}');
    expect(escapeForTerminal('行1\n\u001b行2\t', { keepLineBreaks: true })).toBe('行1\n\\u{1b}行2\t');
  });
});
