import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
const html = { accept: 'text/html,application/xhtml+xml' };
const dirs: string[] = [];

const BIG_SCRIPT = `console.log(${JSON.stringify('政府信息公开'.repeat(2000))});`;

function webRoot(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-webroot-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return `${dir}/`;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the web application at /', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const root = webRoot({
      'index.html': '<p>单页应用</p>',
      'assets/app-1a2b.js': 'console.log(1)',
      'assets/big-3c4d.js': BIG_SCRIPT,
      'assets/big-3c4d.js.br': brotliCompressSync(BIG_SCRIPT),
      'assets/big-3c4d.js.gz': gzipSync(BIG_SCRIPT),
      '.built': '2026-11-22T00:00:00.000Z',
    });
    app = await buildApp({ config, webRoot: root });
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves index.html at / and for every page address, never cached', async () => {
    for (const url of ['/', '/apply', '/workspace/applications/abc?agency=x']) {
      const res = await app.inject({ url, headers: html });
      expect({ url, status: res.statusCode, body: res.body }).toEqual({
        url,
        status: 200,
        body: '<p>单页应用</p>',
      });
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets cached for a year', async () => {
    const res = await app.inject({ url: '/assets/app-1a2b.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the compressed copy the build made to a browser that accepts it, the plain file otherwise', async () => {
    const br = await app.inject({
      url: '/assets/big-3c4d.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(BIG_SCRIPT.length / 4);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(BIG_SCRIPT);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gz = await app.inject({ url: '/assets/big-3c4d.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(BIG_SCRIPT);

    const plain = await app.inject({
      url: '/assets/big-3c4d.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_SCRIPT);
  });

  it('does not serve dotfiles such as the build stamp', async () => {
    expect((await app.inject({ url: '/.built' })).statusCode).toBe(404);
  });

  it('keeps JSON 404s for the API and for missing files', async () => {
    const api = await app.inject({ url: '/api/nothing-here', headers: html });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ code: 'NOT_FOUND', message: '没有这个地址：GET /api/nothing-here' });
    const file = await app.inject({ url: '/assets/missing.js', headers: html });
    expect(file.statusCode).toBe(404);
    expect(file.json().code).toBe('NOT_FOUND');
    const post = await app.inject({ method: 'POST', url: '/apply', headers: html, payload: {} });
    expect(post.statusCode).toBe(404);
  });
});

describe('without a build', () => {
  it('says how to build the pages instead of a blank page, and the API still answers', async () => {
    const app = await buildApp({ config, webRoot: webRoot({}) });
    try {
      const page = await app.inject({ url: '/track', headers: html });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('网页尚未构建');
      expect(page.body).toContain('npm run build:web');
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
