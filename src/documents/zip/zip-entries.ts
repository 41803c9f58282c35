import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../core/errors.ts';
import { INGEST_LIMITS } from '../ingest/source-document.ts';

/** One entry of a zip's central directory, as declared (sizes can lie: see inflateZipEntry). */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is refused when the entry is read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  maxRatio: number;
}

export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: INGEST_LIMITS.maxDocxEntries,
  maxTotalBytes: INGEST_LIMITS.maxDocxUncompressedBytes,
  maxEntryBytes: INGEST_LIMITS.maxDocxUncompressedBytes,
  maxRatio: INGEST_LIMITS.maxCompressionRatio,
};

/**
 * Entries smaller than this are not held to the compression ratio: a few KB of repetitive XML
 * compress 300:1 legitimately and cannot hurt.
 */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const MB = 1024 * 1024;

/**
 * Reads a zip's central directory without inflating anything and checks it against the limits:
 * entry count, declared uncompressed size of each entry and of all entries, compression ratio.
 * Throws AppError UNSUPPORTED_FORMAT when the bytes are not a zip, DOCUMENT_REFUSED when a
 * limit is exceeded (the message names the limit) or the directory is damaged.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(bytes, view);
  if (end < 0) throw new AppError('UNSUPPORTED_FORMAT', '不是 ZIP/DOCX 文件（找不到 ZIP 目录）');
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  const zip64Locator = end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE;
  if (zip64Locator || count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw zip64();
  }
  if (count > limits.maxEntries) {
    throw new AppError('DOCUMENT_REFUSED', `DOCX 压缩包有 ${count} 个条目，超过上限 ${limits.maxEntries} 个`);
  }
  if (directoryOffset + directorySize > end) throw damaged();
  const entries: ZipEntry[] = [];
  let total = 0;
  let offset = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > end || view.getUint32(offset, true) !== 0x02014b50) throw damaged();
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd > end) throw damaged();
    const entry: ZipEntry = {
      name: new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, nameEnd)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      encrypted: (flags & 1) === 1,
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff ||
      hasZip64Extra(view, nameEnd, extraLength, end)
    ) {
      throw zip64();
    }
    checkDeclaredSize(entry, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new AppError(
        'DOCUMENT_REFUSED',
        `DOCX 解压后总大小超过上限（${limits.maxTotalBytes / MB} MB），疑似压缩炸弹`,
      );
    }
    entries.push(entry);
    offset = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Largest output buffer allocated up front from an entry's declared size. */
const MAX_CHUNK_BYTES = 1024 * 1024;

/** The bytes of an entry as stored in the zip (compressed or not), after its local header. */
export function storedZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.encrypted) throw new AppError('DOCUMENT_REFUSED', 'DOCX 已加密，无法读取');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) throw damaged();
  const extraStart = local + 30 + view.getUint16(local + 26, true);
  const extraLength = view.getUint16(local + 28, true);
  if (
    view.getUint32(local + 18, true) === 0xffffffff ||
    view.getUint32(local + 22, true) === 0xffffffff ||
    hasZip64Extra(view, extraStart, extraLength, bytes.byteLength)
  ) {
    throw zip64();
  }
  const start = extraStart + extraLength;
  const stop = start + entry.compressedSize;
  if (stop > bytes.byteLength) throw damaged();
  return bytes.subarray(start, stop);
}

/**
 * Inflates one entry, never producing more than its declared size (nor the per-entry limit):
 * zlib stops and throws as soon as its output would pass the cap, so a lying declaration costs
 * at most the cap in memory.
 */
export function inflateZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ZipLimits = DOCX_ZIP_LIMITS,
): Uint8Array {
  const data = storedZipEntry(bytes, entry);
  const cap = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
  if (entry.method === 0) {
    if (data.byteLength > cap) throw oversize(entry, limits);
    return data;
  }
  if (entry.method !== 8) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `DOCX 条目 ${entry.name} 使用了不支持的压缩方式（${entry.method}）`,
    );
  }
  let out: Uint8Array;
  try {
    // maxOutputLength must be at least 1; an entry declared empty is checked below. An entry of
    // up to MAX_CHUNK_BYTES is inflated into one buffer of its declared size, not in 16 KiB chunks
    // copied together at the end; larger declarations are not trusted with one allocation.
    out = inflateRawSync(data, {
      maxOutputLength: Math.max(cap, 1),
      chunkSize: Math.max(64, Math.min(cap + 1, MAX_CHUNK_BYTES)),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw oversize(entry, limits);
    throw damaged();
  }
  if (out.byteLength > cap) throw oversize(entry, limits);
  return out;
}

function checkDeclaredSize(entry: ZipEntry, limits: ZipLimits): void {
  if (entry.uncompressedSize > limits.maxEntryBytes) throw oversize(entry, limits);
  if (entry.uncompressedSize >= RATIO_FLOOR_BYTES) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxRatio) {
      throw new AppError(
        'DOCUMENT_REFUSED',
        `DOCX 条目 ${entry.name} 的压缩比超过上限（${limits.maxRatio} 倍），疑似压缩炸弹`,
      );
    }
  }
}

/** Offset of the end-of-central-directory record, searched backwards over the comment; -1 if none. */
function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.byteLength - 22 - 0xffff);
  for (let at = bytes.byteLength - 22; at >= lowest; at -= 1) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}

/** The ZIP64 end-of-central-directory locator, 20 bytes before the classic end record. */
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
/** The extra field holding an entry's 64-bit sizes and offset. */
const ZIP64_EXTRA_ID = 0x0001;

/** Whether the extra fields at [start, start + length) hold a ZIP64 field. */
function hasZip64Extra(view: DataView, start: number, length: number, limit: number): boolean {
  const stop = Math.min(start + length, limit);
  for (let at = start; at + 4 <= stop; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) === ZIP64_EXTRA_ID) return true;
  }
  return false;
}

/** ZIP64 (archives or entries past 4 GiB, or written as if they were) is refused, as the README says. */
function zip64(): AppError {
  return new AppError(
    'DOCUMENT_REFUSED',
    '压缩包使用了 ZIP64 格式（超过 4 GB 的扩展格式），不予读取：请用普通 ZIP 格式重新打包',
  );
}

function oversize(entry: ZipEntry, limits: ZipLimits): AppError {
  return new AppError(
    'DOCUMENT_REFUSED',
    `DOCX 条目 ${entry.name} 解压后超过大小上限（${limits.maxEntryBytes / MB} MB 或声明的大小），疑似压缩炸弹`,
  );
}

function damaged(): AppError {
  return new AppError('DOCUMENT_REFUSED', 'DOCX 压缩包已损坏或不完整，无法读取');
}
