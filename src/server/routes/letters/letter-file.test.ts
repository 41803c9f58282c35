import { describe, expect, it } from 'vitest';
import { letterFileName } from './letter-file.ts';

describe('letterFileName', () => {
  it('names the file after the document number and the letter', () => {
    expect(letterFileName('中卫数据〔2025〕第0001号', 'answer', 'docx')).toBe(
      '中卫数据〔2025〕第0001号-答复书.docx',
    );
    expect(letterFileName('中卫数据延〔2025〕第0001号', 'extension', 'pdf')).toBe(
      '中卫数据延〔2025〕第0001号-延期答复告知书.pdf',
    );
  });

  it('replaces characters no file system accepts', () => {
    expect(letterFileName('a/b:c〔2025〕第1号', 'fee', 'html')).toBe('a_b_c〔2025〕第1号-收费通知书.html');
  });
});
