import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

describe('security headers on every response', () => {
  let app: FastifyInstance;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gongkai-headers-'));
    writeFileSync(join(root, 'index.html'), '<p>单页应用</p>');
    writeFileSync(join(root, '.built'), '2026-11-22T00:00:00.000Z');
    app = await buildApp({
      config: loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }),
      webRoot: `${root}/`,
    });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('forbids framing of pages, API answers, errors and the API docs', async () => {
    const requests = [
      { url: '/', headers: { accept: 'text/html' } },
      { url: '/workspace/applications', headers: { accept: 'text/html' } },
      { url: '/api/health' },
      { url: '/api/no-such-route' },
      { url: '/api/session' },
      { url: '/api/docs/' },
      { url: '/api/auth/login', method: 'POST' as const, payload: { username: '' } },
    ];
    for (const request of requests) {
      const res = await app.inject(request);
      expect({ url: request.url, xfo: res.headers['x-frame-options'] }).toEqual({
        url: request.url,
        xfo: 'DENY',
      });
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });
});
