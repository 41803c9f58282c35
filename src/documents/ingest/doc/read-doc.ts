import WordExtractor from 'word-extractor';
import { AppError } from '../../../core/errors.ts';
import { INGEST_LIMITS, refuseEmptyOrOversized, type SourceDocument } from '../source-document.ts';
import { docTextLines } from './doc-text-lines.ts';

/** The signature of an OLE compound file (Word 97–2003, WPS's Word-compatible .wps, Excel 97, …). */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** "WordDocument" in UTF-16LE, the name of a Word binary document's main stream in the OLE directory. */
const WORD_STREAM = new Uint8Array([...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]));

function hasWordStream(bytes: Uint8Array): boolean {
  const first = WORD_STREAM[0]!;
  for (
    let i = bytes.indexOf(first);
    i >= 0 && i + WORD_STREAM.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let match = true;
    for (let k = 1; k < WORD_STREAM.length && match; k += 1) match = bytes[i + k] === WORD_STREAM[k];
    if (match) return true;
  }
  return false;
}

/**
 * True when the file ends before its OLE directory (a download cut short): the header gives the
 * directory's first sector (offset 0x30) and the sector size (2^uint16 at 0x1E).
 */
function isTruncatedOle(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 512) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return true;
  const sectorSize = 2 ** sectorShift;
  const directory = view.getUint32(0x30, true);
  return 512 + (directory + 1) * sectorSize > bytes.byteLength;
}

function refuseNotWord(fileName: string): never {
  const ext = fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (ext === '.wps') {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      '.wps 文件不是 Word 格式（可能是早期 WPS 文字的专有格式），无法读取；请在 WPS 中另存为 .docx 或 PDF 后再导入',
    );
  }
  throw new AppError(
    'UNSUPPORTED_FORMAT',
    `${ext ? `扩展名为 ${ext} 的` : ''}文件是 OLE 复合文档，但不是 Word 文档（可能是 Excel、PowerPoint 或其他 Office 文件），无法作为年度报告读取`,
  );
}

/**
 * Reads a Word 97–2003 document (.doc, and .wps files that WPS saved in Word's format) with
 * word-extractor: the main text with table cells, headers and footnotes left aside. Throws
 * AppError for an OLE file that is not a Word document and for a Word file that cannot be read.
 */
export async function readDoc(bytes: Uint8Array, fileName = ''): Promise<SourceDocument> {
  refuseEmptyOrOversized(bytes, 'DOC');
  if (!isOleFile(bytes)) refuseNotWord(fileName);
  if (isTruncatedOle(bytes))
    throw new AppError(
      'DOCUMENT_REFUSED',
      'Word 97–2003（OLE）文件不完整：文件在目录之前就结束了（可能下载未完成）',
    );
  if (!hasWordStream(bytes)) refuseNotWord(fileName);
  let body: string;
  try {
    const document = await new WordExtractor().extract(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    body = document.getBody({ filterUnicode: false });
  } catch {
    throw new AppError('DOCUMENT_REFUSED', 'Word 97–2003 文档已损坏或被加密，无法读取');
  }
  const lines = docTextLines(body);
  if (lines.length > INGEST_LIMITS.maxLines)
    throw new AppError('DOCUMENT_REFUSED', '文件行数过多，不像一份年度报告');
  return { format: 'doc', lines };
}
