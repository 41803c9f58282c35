import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDocumentsConfig } from './config.ts';

describe('loadConfig', () => {
  it('leaves synchronous_commit to the database unless PG_SYNCHRONOUS_COMMIT names a level', () => {
    expect(loadConfig({}).pgSynchronousCommit).toBeUndefined();
    expect(loadConfig({ PG_SYNCHRONOUS_COMMIT: 'off' }).pgSynchronousCommit).toBe('off');
    expect(() => loadConfig({ PG_SYNCHRONOUS_COMMIT: 'sometimes' })).toThrow(/PG_SYNCHRONOUS_COMMIT/);
  });

  it('reads PDFs with the fast reader and prints with the default Chromium when nothing is set', () => {
    const config = loadConfig({});
    expect(config.pdfReader).toBe('fast');
    expect(config.chromiumPath).toBeUndefined();
  });

  it('takes GONGKAI_PDF_READER and GONGKAI_CHROMIUM', () => {
    const config = loadConfig({ GONGKAI_PDF_READER: 'pdfjs', GONGKAI_CHROMIUM: '/opt/chromium/chrome' });
    expect(config.pdfReader).toBe('pdfjs');
    expect(config.chromiumPath).toBe('/opt/chromium/chrome');
  });

  it('treats an empty GONGKAI_CHROMIUM as unset', () => {
    expect(loadConfig({ GONGKAI_CHROMIUM: '' }).chromiumPath).toBeUndefined();
  });

  it('fails listing every bad variable, the document settings among them', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'x', GONGKAI_PDF_READER: 'pdf.js' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('PORT');
    expect((error as Error).message).toContain('GONGKAI_PDF_READER');
  });
});

describe('TRUST_PROXY', () => {
  it('refuses true at start, saying what to write instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY：不能为 true.*反向代理自身的地址/);
  });

  it('takes the proxy addresses and networks, or a hop count, or false', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it('refuses what is neither an address, a network nor a hop count', () => {
    for (const bad of ['yes', '10.0.0.0/33', '300.1.1.1', '0', '10.0.0.1/8/2', '*'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
  });
});

describe('loadDocumentsConfig', () => {
  it('parses the document settings with the same rules as the server', () => {
    expect(loadDocumentsConfig({})).toEqual({
      pdfReader: 'fast',
      chromiumPath: undefined,
      readTimeoutMs: 60_000,
      readMemoryMb: 384,
    });
    expect(
      loadDocumentsConfig({
        GONGKAI_PDF_READER: 'pdfjs',
        GONGKAI_CHROMIUM: '/c',
        GONGKAI_READ_TIMEOUT_SECONDS: '5',
        GONGKAI_READ_MEMORY_MB: '256',
      }),
    ).toEqual({ pdfReader: 'pdfjs', chromiumPath: '/c', readTimeoutMs: 5_000, readMemoryMb: 256 });
    expect(() => loadDocumentsConfig({ GONGKAI_PDF_READER: 'pdf.js' })).toThrow(/GONGKAI_PDF_READER/);
    expect(() => loadDocumentsConfig({ GONGKAI_READ_MEMORY_MB: '16' })).toThrow(/GONGKAI_READ_MEMORY_MB/);
  });

  it('takes the anonymous checker limits, 1 reader and 8 waiting by default', () => {
    const defaults = loadConfig({});
    expect([defaults.checkConcurrency, defaults.checkQueueLength]).toEqual([1, 8]);
    const set = loadConfig({ CHECK_CONCURRENCY: '3', CHECK_QUEUE_LENGTH: '0' });
    expect([set.checkConcurrency, set.checkQueueLength]).toEqual([3, 0]);
    expect(() => loadConfig({ CHECK_CONCURRENCY: '0' })).toThrow(/CHECK_CONCURRENCY/);
  });

  it('ignores the server-only variables', () => {
    expect(loadDocumentsConfig({ PORT: 'not a port' }).pdfReader).toBe('fast');
  });
});
