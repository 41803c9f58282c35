import { describe, expect, it } from 'vitest';
import { isNumericText, isPageNumberText, joinText, mapPdfCharacters } from './pdf-text.ts';

describe('mapPdfCharacters', () => {
  it('maps CJK Radicals Supplement look-alikes seen in government PDFs', () => {
    expect(mapPdfCharacters('⼈⺠政府⻔户⽹站')).toBe('人民政府门户网站');
    expect(mapPdfCharacters('⻓⻋⻅⻆⻣⻝⻛⻢⻜⻬⻮⻨⻩⻚⻥⻦⻰⻳')).toBe(
      '长车见角骨食风马飞齐齿麦黄页鱼鸟龙龟',
    );
  });

  it('maps Kangxi radicals and compatibility ideographs through NFKC', () => {
    expect(mapPdfCharacters('⽉⽇⼀⼆⾄⾃')).toBe('月日一二至自');
    expect(mapPdfCharacters('\uF900')).toBe('豈');
  });

  it('maps the variant Chromium extracts for 户', () => {
    expect(mapPdfCharacters('门戶网站')).toBe('门户网站');
  });

  it('leaves widths, punctuation and spacing as printed', () => {
    const printed = '（一）予以公开 ２０２３年 (二) 1. 其他';
    expect(mapPdfCharacters(printed)).toBe(printed);
  });
});

describe('isPageNumberText', () => {
  it('recognises page-number headers and footers', () => {
    for (const text of [
      '- 1 -',
      '— 12 —',
      '－ 3 －',
      '第 1 页',
      '第2页 共10页',
      '第 2 页，共 10 页',
      '3/12',
      '7',
      'Page 2 of 9',
    ]) {
      expect(isPageNumberText(text), text).toBe(true);
    }
  });

  it('does not take report text for a page number', () => {
    for (const text of ['2023年', '第一项', '（一）予以公开', '1.属于国家秘密', '', '12.35']) {
      expect(isPageNumberText(text), text).toBe(false);
    }
  });
});

describe('joinText', () => {
  it('joins CJK without a space and Latin words or numbers with one', () => {
    expect(joinText('（二）部分公开（区分处理的，', '只计这一情形）')).toBe(
      '（二）部分公开（区分处理的，只计这一情形）',
    );
    expect(joinText('Annual', 'report')).toBe('Annual report');
    expect(joinText('', 'x')).toBe('x');
  });
});

describe('isNumericText', () => {
  it('accepts printed counts and amounts only', () => {
    expect(['0', '12', '1,234', '12.35', '100%', ' 7 '].every(isNumericText)).toBe(true);
    expect(['', '/', '—', '一', '12件', '1.属于'].some(isNumericText)).toBe(false);
  });
});
