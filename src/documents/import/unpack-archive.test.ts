import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sourcesOfBytes } from './import-sources.ts';
import { IMPORT_ZIP_LIMITS, listArchive, unsafeEntryName } from './unpack-archive.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('unsafeEntryName', () => {
  it('refuses path traversal, absolute paths and drive letters, and accepts plain relative paths', () => {
    for (const name of [
      '../x.txt',
      'a/../../x.txt',
      'a\\..\\x.txt',
      '/etc/x.txt',
      '\\x.txt',
      'C:/x.txt',
      'c:x.txt',
    ]) {
      expect(unsafeEntryName(name), name).not.toBeNull();
    }
    for (const name of ['x.txt', '2024/中卫市数据局.txt', 'a..b.txt', '..hidden/x.txt'.slice(2)]) {
      expect(unsafeEntryName(name), name).toBeNull();
    }
  });
});

describe('listArchive', () => {
  it('lists report files and skips unsafe names, nested archives and other file types with a reason', () => {
    const inner = zipSync({ 'a.txt': text('x') });
    const zip = zipSync({
      '2024/a.txt': text('报告'),
      '2024/b.docx': text('not really'),
      '../evil.txt': text('x'),
      '/abs.txt': text('x'),
      'C:/win.txt': text('x'),
      'more.zip': inner,
      'notes.xls': text('x'),
      '__MACOSX/._a.txt': text('x'),
      'empty/': new Uint8Array(0),
    });
    const { files, skipped } = listArchive(zip);
    expect(files.map((f) => f.name)).toEqual(['2024/a.txt', '2024/b.docx']);
    expect(new TextDecoder().decode(files[0]!.read())).toBe('报告');
    const reasons = Object.fromEntries(skipped.map((s) => [s.name, s.reason]));
    expect(reasons['../evil.txt']).toContain('路径穿越');
    expect(reasons['/abs.txt']).toContain('绝对路径');
    expect(reasons['C:/win.txt']).toContain('盘符');
    expect(reasons['more.zip']).toContain('嵌套');
    expect(reasons['notes.xls']).toContain('不是支持的报告格式');
    expect(Object.keys(reasons)).toHaveLength(5);
  });

  it('refuses an archive of 100,000 entries before inflating anything', () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 100_000; i += 1) entries[`r${i}.txt`] = new Uint8Array(0);
    const zip = zipSync(entries, { level: 0 });
    expect(() => listArchive(zip)).toThrow(/ZIP.*(上限|ZIP64)/);
  });

  it('refuses an archive whose entries add up to more than the uncompressed cap (zip bomb)', () => {
    const zeros = new Uint8Array(600 * 1024);
    const zip = zipSync({ 'a.txt': zeros, 'b.txt': zeros, 'c.txt': zeros });
    expect(() => listArchive(zip, { ...IMPORT_ZIP_LIMITS, maxTotalBytes: 1024 * 1024 })).toThrow(
      /疑似压缩炸弹/,
    );
  });

  it('stops inflating an entry that produces more than it declared', () => {
    const zip = zipSync({ 'bomb.txt': new Uint8Array(4 * 1024 * 1024) });
    // Declare 1,000 bytes in the local and central headers: the inflater must stop there.
    const view = new DataView(zip.buffer);
    view.setUint32(22, 1000, true);
    const central = zip.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 1000, true);
    const { files } = listArchive(zip);
    expect(() => files[0]!.read()).toThrow(/疑似压缩炸弹/);
  });

  it('skips an entry that is a zip under a report name', () => {
    const zip = zipSync({ 'x.txt': zipSync({ 'y.txt': text('y') }) });
    const [source] = sourcesOfBytes(zip, 'upload.zip');
    expect(() => source!.read()).toThrow(/嵌套/);
  });
});

describe('sourcesOfBytes', () => {
  it('treats a single non-zip upload as one file and prefixes the entries of a zip', () => {
    expect(sourcesOfBytes(text('报告'), 'a.txt').map((s) => s.name)).toEqual(['a.txt']);
    const zip = zipSync({ 'a.txt': text('x'), '../b.txt': text('y') });
    expect(sourcesOfBytes(zip, 'up.zip').map((s) => s.name)).toEqual(['up.zip/a.txt', 'up.zip/../b.txt']);
  });
});
