import { describe, expect, it } from 'vitest';
import { contentDisposition, documentPrefixOf, letterFileName } from './letter-file.ts';

describe('documentPrefixOf', () => {
  it.each([
    ['中卫市数据局', '中卫数据'],
    ['淄博市大数据局', '淄博大数据'],
    ['中卫市云计算和大数据发展局', '中卫云计算和大数据发展'],
    ['中卫市市场监督管理局', '中卫市场监督管理'],
    ['中卫市机关事务服务中心', '中卫机关事务服务'],
    ['中卫市沙坡头区人民政府', '中卫沙坡头政府'],
    ['宁夏回族自治区发展和改革委员会', '宁夏发展和改革'],
    ['甲县数据局', '甲县数据'],
    ['数据局', '数据'],
  ])('derives the 机关代字 of %s as %s', (name, prefix) => {
    expect(documentPrefixOf(name)).toBe(prefix);
  });

  it('keeps a name it cannot shorten', () => {
    expect(documentPrefixOf('局')).toBe('局');
  });
});

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

describe('contentDisposition', () => {
  it('gives the Chinese name in filename* (RFC 5987) and an ASCII fallback', () => {
    const header = contentDisposition(
      "中卫数据〔2025〕第0001号-答复书(1)'.docx",
      'letter-answer-2025-0001.docx',
    );
    expect(header).toMatch(/^attachment; filename="letter-answer-2025-0001\.docx"; filename\*=UTF-8''/);
    const encoded = header.split("UTF-8''")[1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(decodeURIComponent(encoded)).toBe("中卫数据〔2025〕第0001号-答复书(1)'.docx");
  });
});
