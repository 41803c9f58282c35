import { scanXml } from './xml-scanner.ts';

/** One level of a list definition (w:abstractNum/w:lvl). */
interface Level {
  start: number;
  /** w:numFmt: decimal, chineseCounting, upperLetter, bullet, none… */
  format: string;
  /** w:lvlText: "%1、", "（%2）", "%1.%2."; each %n is the counter of level n (1-based). */
  text: string;
}

/** The list definitions of word/numbering.xml: each w:num with its levels and start overrides. */
export interface Numbering {
  /** numId → abstractNumId. */
  nums: Map<string, string>;
  /** abstractNumId → levels by ilvl. */
  abstracts: Map<string, Map<number, Level>>;
  /** numId → ilvl → start override (w:lvlOverride/w:startOverride). */
  overrides: Map<string, Map<number, number>>;
}

const ABSTRACT_NUM = 1;
const LVL = 2;
const START = 3;
const NUM_FMT = 4;
const LVL_TEXT = 5;
const NUM = 6;
const ABSTRACT_NUM_ID = 7;
const LVL_OVERRIDE = 8;
const START_OVERRIDE = 9;
const ELEMENTS: ReadonlyMap<string, number> = new Map([
  ['abstractNum', ABSTRACT_NUM],
  ['lvl', LVL],
  ['start', START],
  ['numFmt', NUM_FMT],
  ['lvlText', LVL_TEXT],
  ['num', NUM],
  ['abstractNumId', ABSTRACT_NUM_ID],
  ['lvlOverride', LVL_OVERRIDE],
  ['startOverride', START_OVERRIDE],
]);

/** Reads word/numbering.xml (only what the numbers Word prints depend on). */
export function readNumbering(xml: Uint8Array): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map(), overrides: new Map() };
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let numId: string | null = null;
  let overrideLevel: number | null = null;
  scanXml(xml, {
    elements: ELEMENTS,
    open(element, attributes) {
      const value = attributes.get('w:val');
      switch (element) {
        case ABSTRACT_NUM:
          abstract = new Map();
          numbering.abstracts.set(attributes.get('w:abstractNumId') ?? '', abstract);
          break;
        case LVL:
          if (abstract) {
            level = { start: 1, format: 'decimal', text: '' };
            abstract.set(Number(attributes.get('w:ilvl') ?? 0), level);
          }
          break;
        case START:
          if (level && value !== undefined) level.start = Number(value) || 0;
          break;
        case NUM_FMT:
          if (level && value !== undefined) level.format = value;
          break;
        case LVL_TEXT:
          if (level && value !== undefined) level.text = value;
          break;
        case NUM:
          numId = attributes.get('w:numId') ?? null;
          break;
        case ABSTRACT_NUM_ID:
          if (numId !== null && value !== undefined) numbering.nums.set(numId, value);
          break;
        case LVL_OVERRIDE:
          overrideLevel = Number(attributes.get('w:ilvl') ?? 0);
          break;
        case START_OVERRIDE:
          if (numId !== null && overrideLevel !== null && value !== undefined) {
            const byLevel = numbering.overrides.get(numId) ?? new Map<number, number>();
            byLevel.set(overrideLevel, Number(value) || 0);
            numbering.overrides.set(numId, byLevel);
          }
          break;
      }
    },
    text() {},
    close(element) {
      if (element === ABSTRACT_NUM) abstract = null;
      else if (element === LVL) level = null;
      else if (element === NUM) numId = null;
      else if (element === LVL_OVERRIDE) overrideLevel = null;
    },
  });
  return numbering;
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 23 → 二十三, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10_000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += d === 1 && unit === '十' && out === '' ? unit : DIGITS[d]! + unit;
  });
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

function letters(n: number, upper: boolean): string {
  const base = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** A counter as Word prints it in `format`; null for bullets and formats without a number. */
export function formatNumber(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      // bullet, none and formats no report uses: no number printed.
      return null;
  }
}

/**
 * The counters of a document's lists while its paragraphs are read in order: `next` gives the
 * number text Word prints before a paragraph with w:numPr ("一、", "（二）", "3."), or '' for
 * bullets, unknown lists and numId 0 (numbering removed). Counters belong to the list definition
 * (w:abstractNum), as in Word: two w:num of one definition continue each other unless one
 * overrides its start; a level restarts after any higher level is used.
 */
export class ListCounters {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly numbering: Numbering) {}

  next(numId: string, ilvl: number): string {
    const abstractId = this.numbering.nums.get(numId);
    const levels = abstractId === undefined ? undefined : this.numbering.abstracts.get(abstractId);
    const level = levels?.get(ilvl);
    if (!abstractId || !levels || !level || ilvl < 0 || ilvl > 8) return '';
    const override = this.numbering.overrides.get(numId);
    const key = override ? `${abstractId}#${numId}` : abstractId;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = [];
      this.counters.set(key, counts);
    }
    const start = (l: number) => override?.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? start(ilvl) : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    if (level.format === 'bullet' || level.format === 'none') return '';
    let unknown = false;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts![l] ?? start(l);
      const formatted = formatNumber(value, levels.get(l)?.format ?? 'decimal');
      if (formatted === null) unknown = true;
      return formatted ?? '';
    });
    return unknown ? '' : text;
  }
}
