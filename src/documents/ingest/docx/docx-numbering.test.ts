import { describe, expect, it } from 'vitest';
import { chineseCounting, formatNumber, ListCounters, readNumbering } from './docx-numbering.ts';

const xml = (body: string) =>
  new TextEncoder().encode(
    `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${body}</w:numbering>`,
  );
const lvl = (ilvl: number, format: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;

describe('chineseCounting', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('writes %i as %s', (n, text) => expect(chineseCounting(n)).toBe(text));
});

describe('formatNumber', () => {
  it('prints the formats reports use, and nothing for bullets', () => {
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(3, 'decimalFullWidth')).toBe('３');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(3, 'bullet')).toBeNull();
  });
});

describe('ListCounters', () => {
  const numbering = readNumbering(
    xml(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
        `<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>`,
    ),
  );

  it('numbers headings and items as Word prints them, restarting a level under its parent', () => {
    const c = new ListCounters(numbering);
    expect([c.next('1', 0), c.next('1', 1), c.next('1', 1), c.next('1', 2), c.next('1', 2)]).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1.',
      '2.',
    ]);
    expect([c.next('1', 0), c.next('1', 1)]).toEqual(['二、', '（一）']);
  });

  it('continues a definition across its w:num, and restarts one with a start override', () => {
    const c = new ListCounters(numbering);
    expect([c.next('1', 0), c.next('2', 0)]).toEqual(['一、', '二、']);
    expect([c.next('3', 2), c.next('3', 2)]).toEqual(['1.', '2.']);
  });

  it('prints nothing for bullets, numbering removed (numId 0) and unknown lists', () => {
    const c = new ListCounters(numbering);
    expect([c.next('4', 0), c.next('0', 0), c.next('9', 0)]).toEqual(['', '', '']);
  });
});
