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
