import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDocumentsConfig } from './config.ts';

describe('loadConfig', () => {
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
    expect(loadDocumentsConfig({})).toEqual({ pdfReader: 'fast', chromiumPath: undefined });
    expect(loadDocumentsConfig({ GONGKAI_PDF_READER: 'pdfjs', GONGKAI_CHROMIUM: '/c' })).toEqual({
      pdfReader: 'pdfjs',
      chromiumPath: '/c',
    });
    expect(() => loadDocumentsConfig({ GONGKAI_PDF_READER: 'pdf.js' })).toThrow(/GONGKAI_PDF_READER/);
  });

  it('ignores the server-only variables', () => {
    expect(loadDocumentsConfig({ PORT: 'not a port' }).pdfReader).toBe('fast');
  });
});
