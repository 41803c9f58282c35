import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { readDocx } from '../ingest/docx/read-docx.ts';
import { DOCX_ZIP_LIMITS, inflateZipEntry, readZipDirectory } from './zip-entries.ts';

const MB = 1024 * 1024;

function refusalOf(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Rewrites the declared uncompressed size of every entry named `name` (central directory and local header). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const encoded = strToU8(name);
  for (let at = 0; at + 46 < bytes.length; at += 1) {
    const signature = view.getUint32(at, true);
    const header = signature === 0x02014b50 ? 46 : signature === 0x04034b50 ? 30 : 0;
    if (header === 0) continue;
    const nameLength = view.getUint16(at + (header === 46 ? 28 : 26), true);
    const entryName = bytes.subarray(at + header, at + header + nameLength);
    if (nameLength === encoded.length && entryName.every((byte, index) => byte === encoded[index])) {
      view.setUint32(at + (header === 46 ? 24 : 22), size, true);
    }
  }
  return bytes;
}

describe('readZipDirectory', () => {
  it('lists entries with their declared sizes without inflating them', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'.repeat(100)), 'a.txt': strToU8('x') });
    const entries = readZipDirectory(zip);
    expect(entries.map((entry) => [entry.name, entry.uncompressedSize, entry.method])).toEqual([
      ['word/document.xml', 1300, 8],
      ['a.txt', 1, expect.any(Number)],
    ]);
  });

  it('refuses a part whose compression ratio exceeds the limit, naming the limit', () => {
    // 20 MB of zeros deflate to about 20 KB: a ratio near 1000.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(20 * MB) });
    const error = refusalOf(() => readZipDirectory(bomb));
    expect(error.code).toBe('DOCUMENT_REFUSED');
    expect(error.message).toContain(`上限（${DOCX_ZIP_LIMITS.maxRatio} 倍）`);
  });

  it('refuses a part declared larger than the size limit', () => {
    const zip = declareSize(
      zipSync({ 'word/document.xml': strToU8('<w:document/>') }),
      'word/document.xml',
      150 * MB,
    );
    expect(refusalOf(() => readZipDirectory(zip)).message).toContain('大小上限（100 MB');
  });

  it('refuses too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= DOCX_ZIP_LIMITS.maxEntries; i += 1) files[`f${i}`] = new Uint8Array(1);
    expect(refusalOf(() => readZipDirectory(zipSync(files, { level: 0 }))).message).toContain(
      `上限 ${DOCX_ZIP_LIMITS.maxEntries} 个`,
    );
  });

  it('refuses bytes without a zip directory and a directory that points past the data', () => {
    expect(refusalOf(() => readZipDirectory(strToU8('PK not really a zip'))).code).toBe('UNSUPPORTED_FORMAT');
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const truncated = zip.slice(zip.length - 22);
    expect(refusalOf(() => readZipDirectory(truncated)).message).toContain('损坏');
  });
});

describe('ZIP64 archives made by real tools', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/zip64/${name}`));

  it('refuses them with the reason, whether the directory or only the local header is ZIP64', () => {
    for (const name of ['zip-fz.zip', 'py-force-zip64.zip']) {
      const bytes = fixture(name);
      const refusal = refusalOf(() => {
        for (const entry of readZipDirectory(bytes)) inflateZipEntry(bytes, entry);
      });
      expect({ name, code: refusal.code }).toEqual({ name, code: 'DOCUMENT_REFUSED' });
      expect(refusal.message).toContain('ZIP64');
    }
  });

  it('still reads the same content zipped without ZIP64', () => {
    const bytes = zipSync({ 'report.txt': strToU8('年度报告') });
    const [entry] = readZipDirectory(bytes);
    expect(new TextDecoder().decode(inflateZipEntry(bytes, entry!))).toBe('年度报告');
  });
});

describe('inflateZipEntry', () => {
  it('stops inflating at the declared size when the declaration lies', () => {
    // 900 KB of zeros declared as 1 KB: under the ratio floor, so only the inflation cap catches it.
    const zip = declareSize(
      zipSync({ 'word/document.xml': new Uint8Array(900 * 1024) }),
      'word/document.xml',
      1024,
    );
    const [entry] = readZipDirectory(zip);
    const error = refusalOf(() => inflateZipEntry(zip, entry!));
    expect(error.message).toContain('超过大小上限');
  });

  it('inflates an honest entry', () => {
    const text = '政府信息公开'.repeat(1000);
    const zip = zipSync({ 'word/document.xml': strToU8(text) });
    const [entry] = readZipDirectory(zip);
    expect(new TextDecoder().decode(inflateZipEntry(zip, entry!))).toBe(text);
  });

  it('refuses corrupt deflate data with a Chinese message', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('政府信息公开'.repeat(1000)) });
    const [entry] = readZipDirectory(zip);
    const corrupt = zip.slice();
    const start = 30 + entry!.name.length;
    corrupt.fill(0xff, start, start + 40);
    expect(refusalOf(() => inflateZipEntry(corrupt, entry!)).message).toBe(
      'DOCX 压缩包已损坏或不完整，无法读取',
    );
  });
});

describe('readDocx against zip bombs', () => {
  it('refuses a bomb before inflating it', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': new Uint8Array(60 * MB),
    });
    await expect(readDocx(bomb)).rejects.toThrow(/上限/);
  });
});
