import { LETTER_TITLES, type LetterKind } from '../../../documents/letters/letter-frame.ts';
import type { LetterFormat } from './letters.schema.ts';

/** Naming of a letter: the default 机关代字 of its document number, and its file name. */

/** A place name and the administrative unit it ends in ("中卫" + "市"); at least two characters before the unit. */
const PLACE =
  /^(\p{Script=Han}{2,}?)(?:维吾尔自治区|回族自治区|壮族自治区|自治区|特别行政区|自治州|自治县|自治旗|地区|省|市|州|盟|县|旗|区)/u;
/** Regions nest province → city → county: a name carries at most three place names. */
const MAX_PLACES = 3;
/** Endings of an agency's name that its 代字 leaves out, longest first. */
const AGENCY_ENDINGS = ['委员会', '办公室', '中心', '局', '委', '办', '厅', '署'] as const;

/**
 * The default 机关代字 of an agency: each place name without its unit, then the agency's own name
 * without its ending — 中卫市数据局 → 中卫数据, 中卫市沙坡头区人民政府 → 中卫沙坡头政府,
 * 宁夏回族自治区发展和改革委员会 → 宁夏发展和改革. Real 代字 are abbreviated by hand (卫政发); this is
 * only a readable default, and callers may give their own. A one-character place (甲县) keeps its unit.
 */
export function documentPrefixOf(agencyName: string): string {
  let rest = agencyName.trim().replace(/\s+/gu, '');
  let places = '';
  for (let i = 0; i < MAX_PLACES; i += 1) {
    const m = PLACE.exec(rest);
    if (!m || m[0].length === rest.length) break;
    places += m[1];
    rest = rest.slice(m[0].length);
  }
  let own = rest.replace(/人民政府$/u, '政府');
  const ending = AGENCY_ENDINGS.find((e) => own.endsWith(e) && own.length > e.length);
  if (ending) own = own.slice(0, -ending.length);
  return `${places}${own}` || agencyName.trim();
}

/** The file's name as the user sees it: the letter's short title (答复书 rather than the full title). */
const FILE_TITLES: Record<LetterKind, string> = { ...LETTER_TITLES, answer: '答复书' };

/** Characters no file system accepts in a name. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

/** "中卫数据〔2025〕第0001号-答复书.docx". */
export function letterFileName(documentNumber: string, kind: LetterKind, format: LetterFormat): string {
  return `${documentNumber}-${FILE_TITLES[kind]}.${format}`.replace(UNSAFE_IN_FILE_NAME, '_');
}

/** Percent-encoding of RFC 5987 `value-chars`: encodeURIComponent leaves ' ( ) * unescaped, attr-char does not allow them. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="letter-answer-2025-0001.docx"; filename*=UTF-8''…`: the Chinese name in
 * filename* (RFC 6266 / 5987), and an ASCII name for clients that do not read filename*.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
