import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.ts';

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
