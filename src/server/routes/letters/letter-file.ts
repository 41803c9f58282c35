import { LETTER_TITLES, type LetterKind } from '../../../documents/letters/letter-frame.ts';
import type { LetterFormat } from './letters.schema.ts';

/** Naming of a letter's file: its name and the Content-Disposition that carries it. */

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
