/**
 * CJK Radicals Supplement characters (U+2E80–U+2EF3) that PDF producers emit instead of the
 * ordinary character because the font maps both to one glyph (Chromium/Skia, some WPS exports).
 * NFKC does not map this block; the targets follow Unicode's EquivalentUnifiedIdeograph.txt.
 */
const RADICALS_SUPPLEMENT: Record<string, string> = {
  '⺁': '厂',
  '⺃': '乚',
  '⺅': '亻',
  '⺆': '冂',
  '⺇': '几',
  '⺉': '刂',
  '⺊': '卜',
  '⺋': '㔾',
  '⺌': '小',
  '⺎': '尢',
  '⺏': '尣',
  '⺐': '尢',
  '⺒': '巳',
  '⺓': '幺',
  '⺔': '彑',
  '⺖': '忄',
  '⺘': '扌',
  '⺙': '攵',
  '⺛': '旡',
  '⺜': '日',
  '⺝': '月',
  '⺞': '歺',
  '⺟': '母',
  '⺠': '民',
  '⺡': '氵',
  '⺢': '氺',
  '⺣': '灬',
  '⺤': '爫',
  '⺥': '爫',
  '⺦': '丬',
  '⺨': '犭',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '罒',
  '⺬': '示',
  '⺭': '礻',
  '⺮': '竹',
  '⺯': '糸',
  '⺰': '纟',
  '⺲': '罒',
  '⺳': '网',
  '⺶': '羊',
  '⺷': '羊',
  '⺹': '耂',
  '⺻': '聿',
  '⺼': '月',
  '⺽': '臼',
  '⺾': '艹',
  '⺿': '艹',
  '⻀': '艹',
  '⻁': '虎',
  '⻂': '衤',
  '⻃': '覀',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻇': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻌': '辶',
  '⻍': '辶',
  '⻎': '辶',
  '⻏': '阝',
  '⻐': '钅',
  '⻑': '長',
  '⻒': '镸',
  '⻓': '长',
  '⻔': '门',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻟': '飠',
  '⻠': '饣',
  '⻡': '首',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻫': '斉',
  '⻬': '齐',
  '⻭': '歯',
  '⻮': '齿',
  '⻯': '竜',
  '⻰': '龙',
  '⻱': '龜',
  '⻲': '亀',
  '⻳': '龟',
};

/**
 * Code points outside GB2312 that Chromium (Skia) writes into ToUnicode for an ordinary
 * simplified character when Noto CJK draws it with a glyph it shares with a variant: 户 printed,
 * 戶 extracted. A simplified-Chinese report does not use these variants.
 */
const SHARED_GLYPH_VARIANTS: Record<string, string> = {
  戶: '户',
  㬵: '胶',
};

/**
 * Kangxi Radicals (U+2F00–U+2FDF) and CJK Compatibility Ideographs (U+F900–U+FAFF,
 * U+2F800–U+2FA1F): NFKC maps each to its ordinary character (⽉ → 月, 兀 → 兀).
 */
const NFKC_IDEOGRAPHS = /[\u2F00-\u2FDF\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}]/gu;
const RADICAL_SUPPLEMENT_RANGE = /[\u2E80-\u2EFF]/g;
const VARIANTS = new RegExp(`[${Object.keys(SHARED_GLYPH_VARIANTS).join('')}]`, 'gu');

/**
 * Replaces radical, compatibility and shared-glyph variant code points a PDF's ToUnicode map
 * produced with the ordinary characters they look like. Only those code points change: widths, punctuation and
 * spacing stay as printed (the interpreter normalises them itself).
 */
export function mapPdfCharacters(text: string): string {
  // PDFs printed by browsers give one run per glyph or two: those few distinct texts are remembered.
  if (text.length > SHORT_TEXT) return mapCharacters(text);
  let mapped = shortTexts.get(text);
  if (mapped === undefined) {
    if (shortTexts.size >= MAX_SHORT_TEXTS) shortTexts.clear();
    mapped = mapCharacters(text);
    shortTexts.set(text, mapped);
  }
  return mapped;
}

const SHORT_TEXT = 4;
const MAX_SHORT_TEXTS = 20_000;
const shortTexts = new Map<string, string>();

function mapCharacters(text: string): string {
  return text
    .replace(NFKC_IDEOGRAPHS, (char) => char.normalize('NFKC'))
    .replace(RADICAL_SUPPLEMENT_RANGE, (char) => RADICALS_SUPPLEMENT[char] ?? char)
    .replace(VARIANTS, (char) => SHARED_GLYPH_VARIANTS[char] ?? char);
}

const PAGE_NUMBER_PATTERNS = [
  /^[-－—–~～_\s]*\d{1,4}[-－—–~～_\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

/** True for a page header/footer that is only a page number: "- 1 -", "第 1 页", "1/12". */
export function isPageNumberText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && PAGE_NUMBER_PATTERNS.some((pattern) => pattern.test(trimmed));
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F]/;

/** True when a character is CJK (ideograph, CJK punctuation or full-width form): no space is put next to it. */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/**
 * Joins two pieces of text that were printed apart (wrapped, or separated by a gap): a space
 * between Latin letters or digits, nothing next to CJK (Chinese is written without spaces).
 */
export function joinText(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  const last = left.at(-1);
  const first = right[0];
  if (isCjk(last) || isCjk(first) || last === ' ' || first === ' ') return left + right;
  return `${left} ${right}`;
}

/** A cell that is a plain number as printed in report tables: "12", "1,234", "12.35", "100%". */
export function isNumericText(text: string): boolean {
  return /^[-+]?\d[\d,，]*(\.\d+)?%?$/.test(text.trim());
}
