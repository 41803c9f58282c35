import { AppError } from '../../core/errors.ts';
import { PAGE_IMAGE_EXTENSIONS, REPORT_FILE_EXTENSIONS } from '../../core/report/report-file-types.ts';
import { INGEST_LIMITS } from '../ingest/source-document.ts';
import { inflateZipEntry, readZipDirectory, type ZipEntry, type ZipLimits } from '../zip/zip-entries.ts';

/**
 * Limits of a zip of report files given to `import` (stated in the README): beyond them the
 * whole archive is refused before anything is inflated.
 */
export const IMPORT_ZIP_LIMITS: ZipLimits = {
  /** Most entries (a province has a few thousand agencies; three years of them fit). */
  maxEntries: 20_000,
  /** Total uncompressed size of all entries: the zip-bomb cap. */
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  /** One entry: the size limit of any single report file. */
  maxEntryBytes: INGEST_LIMITS.maxFileBytes,
  maxRatio: INGEST_LIMITS.maxCompressionRatio,
};

/**
 * File extensions import reads: report files, and page images (the images of one folder are the
 * pages of one scanned report); anything else in an archive is skipped with a reason.
 */
export const IMPORT_EXTENSIONS: readonly string[] = [...REPORT_FILE_EXTENSIONS, ...PAGE_IMAGE_EXTENSIONS];
const ARCHIVE_EXTENSIONS = /\.(zip|rar|7z|tar|gz|tgz|bz2|xz|jar)$/i;

export interface ArchiveFile {
  /** The entry's path inside the archive. */
  name: string;
  /** Inflates the entry (bounded by its declared size and the per-entry limit); throws AppError. */
  read(): Uint8Array;
}

export interface ArchiveSkip {
  name: string;
  reason: string;
}

/** Why an entry name is unsafe to use as a path, or null when it is a plain relative path. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return '文件名含有非法字符';
  if (/^[A-Za-z]:/.test(name)) return '文件名含有盘符（如 C:），不安全';
  if (name.startsWith('/') || name.startsWith('\\')) return '文件名是绝对路径，不安全';
  if (name.split(/[\\/]/).some((part) => part === '..')) return '文件名含有“..”（路径穿越），不安全';
  return null;
}

function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/**
 * Lists the report files of a zip without inflating them. The archive is refused as a whole
 * (AppError DOCUMENT_REFUSED / UNSUPPORTED_FORMAT) when it is not a zip, is damaged, has too many
 * entries or declares more uncompressed bytes than the cap. Individual entries are skipped with
 * a reason: unsafe names (path traversal, absolute, drive letters), nested archives, encrypted
 * entries, files of other types. Folders and system files (__MACOSX, dot files) are ignored.
 */
export function listArchive(bytes: Uint8Array, limits: ZipLimits = IMPORT_ZIP_LIMITS) {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, limits);
  } catch (error) {
    if (error instanceof AppError) {
      // The directory reader was written for DOCX; the limits here are those of an import archive.
      throw new AppError(error.code, error.message.replace('ZIP/DOCX', 'ZIP').replace(/DOCX/g, 'ZIP'));
    }
    throw error;
  }
  const files: ArchiveFile[] = [];
  const skipped: ArchiveSkip[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const name = entry.name;
    if (name.endsWith('/') || name.endsWith('\\')) continue;
    const unsafe = unsafeEntryName(name);
    if (unsafe) {
      skipped.push({ name, reason: unsafe });
      continue;
    }
    const parts = name.split(/[\\/]/);
    if (parts.some((p) => p === '__MACOSX' || p.startsWith('.'))) continue;
    if (seen.has(name)) {
      skipped.push({ name, reason: '压缩包中有同名文件，只读取第一个' });
      continue;
    }
    seen.add(name);
    if (ARCHIVE_EXTENSIONS.test(name)) {
      skipped.push({ name, reason: '压缩包中嵌套的压缩包不予展开，请解压后分别导入' });
      continue;
    }
    if (entry.encrypted) {
      skipped.push({ name, reason: '文件已加密，无法读取' });
      continue;
    }
    if (!IMPORT_EXTENSIONS.includes(extensionOf(name))) {
      skipped.push({ name, reason: '不是支持的报告格式（txt、Markdown、HTML、DOCX、PDF 或页面图片）' });
      continue;
    }
    files.push({ name, read: () => readEntry(bytes, entry, limits) });
  }
  return { files, skipped };
}

function readEntry(bytes: Uint8Array, entry: ZipEntry, limits: ZipLimits): Uint8Array {
  try {
    const data = inflateZipEntry(bytes, entry, limits);
    if (data[0] === 0x50 && data[1] === 0x4b && extensionOf(entry.name) !== '.docx') {
      throw new AppError('DOCUMENT_REFUSED', '压缩包中嵌套的压缩包不予展开，请解压后分别导入');
    }
    return data;
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError(error.code, error.message.replace(/DOCX 条目 \S+ /, '').replace(/DOCX/g, 'ZIP'));
    }
    throw error;
  }
}

/** Whether bytes are a zip archive (a DOCX is one too: callers decide by the file name). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
